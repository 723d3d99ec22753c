using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

internal static class GetEvidence
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetEvidence))
            .WithSummary("One piece of evidence; staff reads are disclosed to the learner")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<EvidenceResponse>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.InstitutionId == caller.InstitutionId, cancellationToken);
        if (evidence is null || await LearnerAccess.FindAsync(db, caller, evidence.LearnerId, cancellationToken) is null)
        {
            return Problems.NotFound("evidence", id);
        }
        caller.Disclose(db, evidence.LearnerId, "evidence", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EvidenceResponse.From(evidence));
    }
}
