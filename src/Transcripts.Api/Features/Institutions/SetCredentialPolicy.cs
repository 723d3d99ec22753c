using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

/// <summary>
/// Sets what the institution's credentials carry about a learner from now on (admin). Credentials already issued keep
/// what they were signed with; re-issuing one applies the new policy.
/// </summary>
internal static class SetCredentialPolicy
{
    public sealed record Request
    {
        /// <summary><c>hashed</c> (salted OB 3.0 IdentityHash), <c>plain</c> or <c>omitted</c>.</summary>
        [Required]
        [AllowedValues(IdentifierModes.Hashed, IdentifierModes.Plain, IdentifierModes.Omitted)]
        public required string LearnerIdentifier { get; init; }
        public bool IncludeEvidenceNarratives { get; init; }
        public bool IncludeExplanation { get; init; }
        /// <summary>The version last read (0 while the default was never set); a stale one is refused with 409.</summary>
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/credential-policy", Handle).WithName(nameof(SetCredentialPolicy))
            .WithSummary("Choose what credentials issued from now on carry about a learner (admin); the defaults are the minimal choice")
            .RequireAuthorization(Policies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<CredentialPolicyResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, CancellationToken cancellationToken)
    {
        var policy = await db.CredentialPolicies.SingleOrDefaultAsync(p => p.InstitutionId == caller.InstitutionId, cancellationToken);
        var current = policy?.RowVersion ?? 0;
        if (request.Version != current)
        {
            return Problems.StaleUpdate("credential policy of institution", caller.InstitutionId, current);
        }
        if (policy is null)
        {
            // The first setting is version 1, so a second caller who also read the unset default (version 0) is refused.
            policy = CredentialPolicy.Minimal(caller.InstitutionId);
            policy.RowVersion = 1;
            db.CredentialPolicies.Add(policy);
        }
        policy.LearnerIdentifier = request.LearnerIdentifier;
        policy.IncludeEvidenceNarratives = request.IncludeEvidenceNarratives;
        policy.IncludeExplanation = request.IncludeExplanation;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && current == 0)
        {
            return Problems.StaleUpdate();   // another admin set it first: the unique index refused the second row
        }
        return TypedResults.Ok(CredentialPolicyResponse.From(policy));
    }
}
