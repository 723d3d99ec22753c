using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Progress;

internal static class SetGoal
{
    public sealed record Request
    {
        public required Guid CompetencyId { get; init; }
        public required DateOnly TargetDate { get; init; }
        [StringLength(2000)]
        public string? Note { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/goals", Handle).WithName(nameof(SetGoal))
            .WithSummary("Set a goal: reach a competency by a date (the learner themself or staff)")
            .RequireAuthorization(Policies.Member)   // deliberately open to the learner: a goal is theirs to set
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Created<GoalResponse>, ProblemHttpResult>> Handle(Guid learnerId, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var institutionId = caller.InstitutionId;
        if (!await db.Competencies.AnyAsync(c => c.Id == request.CompetencyId
                && db.Frameworks.Any(f => f.Id == c.FrameworkId && f.InstitutionId == institutionId), cancellationToken))
        {
            return Problems.Validation("competencyId", $"No competency {request.CompetencyId} in this institution's frameworks.");
        }
        var goal = new LearnerGoal
        {
            InstitutionId = institutionId, LearnerId = learnerId, CompetencyId = request.CompetencyId, TargetDate = request.TargetDate,
            Note = request.Note, SetByKeyId = caller.ApiKeyId, CreatedAt = clock.GetUtcNow(),
        };
        db.LearnerGoals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var attained = await db.Attainments.AnyAsync(a => a.LearnerId == learnerId && a.CompetencyId == request.CompetencyId
            && a.Status == AttainmentStatus.Attained, cancellationToken);
        return TypedResults.Created($"/learners/{learnerId}/goals/{goal.Id}", ListGoals.From(goal, attained, today));
    }
}
