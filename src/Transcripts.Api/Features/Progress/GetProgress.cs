using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Progress;

internal static class GetProgress
{
    public enum State { NotStarted, InProgress, Attained }

    public sealed record Line(Guid CompetencyId, Guid? ParentId, string? HumanCode, string Competency, State State, string? Level,
        int EvidenceCount, int AssessmentCount, DateOnly? GoalDate);

    public sealed record Response(Guid LearnerId, Guid FrameworkId, string Framework, int Attained, int InProgress, int NotStarted,
        IReadOnlyList<Line> Competencies);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/progress", Handle).WithName(nameof(GetProgress))
            .WithSummary("Per competency of a framework: not started / in progress / attained, current level, evidence count and goal date")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid learnerId, Guid frameworkId, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Competencies)
            .SingleOrDefaultAsync(f => f.Id == frameworkId && f.InstitutionId == caller.InstitutionId, cancellationToken);
        if (framework is null)
        {
            return Problems.NotFound("framework", frameworkId);
        }
        var ids = framework.Competencies.Select(c => c.Id).ToList();
        var attainments = await db.Attainments.AsNoTracking().Where(a => a.LearnerId == learnerId && ids.Contains(a.CompetencyId))
            .ToDictionaryAsync(a => a.CompetencyId, cancellationToken);
        var assessed = await db.Assessments.AsNoTracking().Where(a => a.LearnerId == learnerId && ids.Contains(a.CompetencyId))
            .Select(a => new { a.CompetencyId, a.EvidenceId }).ToListAsync(cancellationToken);
        var goals = await db.LearnerGoals.AsNoTracking().Where(g => g.LearnerId == learnerId && ids.Contains(g.CompetencyId))
            .ToListAsync(cancellationToken);
        var levelIds = attainments.Values.Where(a => a.LevelId is not null).Select(a => a.LevelId!.Value).ToList();
        var levels = await db.Levels.AsNoTracking().Where(l => levelIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Title, cancellationToken);

        var lines = framework.Competencies.OrderBy(c => c.ListOrder).ThenBy(c => c.HumanCode).Select(c =>
        {
            var attainment = attainments.GetValueOrDefault(c.Id);
            var mine = assessed.Where(a => a.CompetencyId == c.Id).ToList();
            var state = attainment?.Status == AttainmentStatus.Attained ? State.Attained
                : mine.Count > 0 || attainment is not null ? State.InProgress : State.NotStarted;
            return new Line(c.Id, c.ParentId, c.HumanCode, c.FullStatement, state,
                attainment?.LevelId is { } l ? levels.GetValueOrDefault(l) : null,
                mine.Where(a => a.EvidenceId is not null).Select(a => a.EvidenceId).Distinct().Count(), mine.Count,
                goals.Where(g => g.CompetencyId == c.Id).Select(g => (DateOnly?)g.TargetDate).Min());
        }).ToList();
        caller.Disclose(db, learnerId, "progress", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(learnerId, framework.Id, framework.Title, lines.Count(l => l.State == State.Attained),
            lines.Count(l => l.State == State.InProgress), lines.Count(l => l.State == State.NotStarted), lines));
    }
}
