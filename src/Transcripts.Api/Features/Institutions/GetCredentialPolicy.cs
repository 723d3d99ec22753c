using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

/// <summary>What the institution's credentials carry about a learner (admin). Unset, it is the minimal default.</summary>
internal static class GetCredentialPolicy
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/credential-policy", Handle).WithName(nameof(GetCredentialPolicy))
            .WithSummary("What issued credentials carry about a learner: identifier hashed, plain or omitted; evidence narratives; explanations (admin)")
            .RequireAuthorization(Policies.Admin);

    private static async Task<CredentialPolicyResponse> Handle(TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken) =>
        CredentialPolicyResponse.From(await db.CredentialPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.InstitutionId == caller.InstitutionId, cancellationToken)
            ?? CredentialPolicy.Minimal(caller.InstitutionId));
}
