using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Audit;

/// <summary>The audit log and its chain check, for admins.</summary>
internal sealed class AuditModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        ListAuditEvents.Map(group);
        VerifyAuditChain.Map(group);
        PublishAuditHead.Map(group);
    }
}
