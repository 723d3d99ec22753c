using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

internal static class InstitutionsModule
{
    public static IServiceCollection AddInstitutions(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapInstitutions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/institution").WithTags("Institutions").RequireAuthorization(Policies.Member);
        GetInstitution.Map(group);
        UpdateInstitution.Map(group);
        SetInstitutionLogo.Map(group);
        GetInstitutionLogo.Map(group);
        return app;
    }
}
