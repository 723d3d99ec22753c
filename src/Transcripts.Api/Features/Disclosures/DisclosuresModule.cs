using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Disclosures;

internal static class DisclosuresModule
{
    public static IServiceCollection AddDisclosures(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDisclosures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners/{learnerId:guid}/disclosures").WithTags("Disclosures").RequireAuthorization(Policies.Member);
        ListDisclosures.Map(group);
        return app;
    }
}
