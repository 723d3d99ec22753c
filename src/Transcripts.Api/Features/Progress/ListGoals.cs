using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Progress;

internal sealed record GoalResponse(Guid Id, Guid LearnerId, Guid CompetencyId, DateOnly TargetDate, string? Note, bool IsAttained,
    bool IsOverdue, int Version);

internal static class ListGoals
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/goals", Handle).WithName(nameof(ListGoals))
            .WithSummary("A learner's goals, each against their progress (attained, overdue)")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<GoalResponse>>, ProblemHttpResult>> Handle(Guid learnerId, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var attained = await db.Attainments.Where(a => a.LearnerId == learnerId && a.Status == AttainmentStatus.Attained)
            .Select(a => a.CompetencyId).ToListAsync(cancellationToken);
        var goals = await db.LearnerGoals.AsNoTracking().Where(g => g.LearnerId == learnerId).OrderBy(g => g.TargetDate)
            .ToListAsync(cancellationToken);
        caller.Disclose(db, learnerId, "goals", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<GoalResponse>>(goals.Select(g => From(g, attained.Contains(g.CompetencyId), today)).ToList());
    }

    public static GoalResponse From(LearnerGoal g, bool isAttained, DateOnly today) =>
        new(g.Id, g.LearnerId, g.CompetencyId, g.TargetDate, g.Note, isAttained, !isAttained && g.TargetDate < today, g.RowVersion);
}
