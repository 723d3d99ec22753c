using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        ListAuditEvents.Map(group);
        VerifyAuditChain.Map(group);
        return app;
    }
}
