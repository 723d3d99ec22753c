using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class GetLearner
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetLearner))
            .WithSummary("A learner's profile; a learner key sees only its own, and staff reads are disclosed to the learner")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<LearnerResponse>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var learner = await LearnerAccess.FindAsync(db, caller, id, cancellationToken);
        if (learner is null)
        {
            return Problems.NotFound("learner", id);
        }
        caller.Disclose(db, id, "profile", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LearnerResponse.From(learner));
    }
}
