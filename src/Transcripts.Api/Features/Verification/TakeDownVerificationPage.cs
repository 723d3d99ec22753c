using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Verification;

/// <summary>
/// The learner (for their own transcript) or a registrar takes a transcript's public page down: it then answers 404 like an
/// unknown id. The credential itself is unchanged, and so are the status lists: a revocation stays published for verifiers.
/// </summary>
internal static class TakeDownVerificationPage
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/page/take-down", Handle).WithName(nameof(TakeDownVerificationPage))
            .WithSummary("Take a transcript's public verification page down (the learner; registrars); status lists are unchanged")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == caller.InstitutionId
            && c.Kind == CredentialKind.Transcript, cancellationToken);
        if (credential is null || (caller.IsLearner && credential.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("transcript", id);
        }
        credential.PageTakenDownAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
