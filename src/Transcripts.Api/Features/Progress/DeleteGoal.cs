using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Progress;

internal static class DeleteGoal
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapDelete("/goals/{goalId:guid}", Handle).WithName(nameof(DeleteGoal))
            .WithSummary("Remove a goal (the learner themself or staff)")
            .RequireAuthorization(Policies.Member)   // deliberately open to the learner: a goal is theirs to remove
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid learnerId, Guid goalId, TranscriptsDb db,
        CurrentCaller caller, CancellationToken cancellationToken)
    {
        var goal = await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null ? null
            : await db.LearnerGoals.SingleOrDefaultAsync(g => g.Id == goalId && g.LearnerId == learnerId, cancellationToken);
        if (goal is null)
        {
            return Problems.NotFound("goal", goalId);
        }
        db.LearnerGoals.Remove(goal);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
