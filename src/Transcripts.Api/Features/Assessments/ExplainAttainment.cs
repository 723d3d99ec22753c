using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class ExplainAttainment
{
    public sealed record EvidenceRef(Guid Id, EvidenceKind Kind, string Title);
    public sealed record Input(Guid AssessmentId, DateOnly AssessedOn, Guid LevelId, string Level, double Score, string? Feedback,
        Guid AssessorKeyId, EvidenceRef? Evidence, Guid? UpdatedByKeyId, DateTimeOffset? UpdatedAt, string? UpdateReason);
    public sealed record Rule(MasteryMethod Method, string? Parameters, string MasteryLevel, double MasteryScore);
    public sealed record Response(Guid AttainmentId, Guid LearnerId, Guid CompetencyId, string? CompetencyCode, string Competency,
        AttainmentStatus Status, AttainmentSource Source, string? Level, double? Score, string? Reason, Rule Rule,
        IReadOnlyList<Input> Inputs, string Arithmetic);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/explanation", Handle).WithName(nameof(ExplainAttainment))
            .WithSummary("Why an attainment is what it is: the rule, its inputs (assessments and their evidence) and the arithmetic")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var attainment = await db.Attainments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (attainment is null || await LearnerAccess.FindAsync(db, caller, attainment.LearnerId, cancellationToken) is null)
        {
            return Problems.NotFound("attainment", id);
        }
        var competency = await db.Competencies.AsNoTracking().SingleAsync(c => c.Id == attainment.CompetencyId, cancellationToken);
        var framework = await db.Frameworks.AsNoTracking().SingleAsync(f => f.Id == competency.FrameworkId, cancellationToken);
        var scale = await db.Scales.AsNoTracking().Include(s => s.Levels).SingleAsync(s => s.Id == framework.ScaleId, cancellationToken);
        var levels = scale.Levels.ToDictionary(l => l.Id);
        var mastery = levels.GetValueOrDefault(scale.MasteryLevelId ?? Guid.Empty) ?? scale.Levels.MaxBy(l => l.Score)!;

        var ids = attainment.InputAssessments();
        var assessments = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var evidenceIds = assessments.Where(a => a.EvidenceId is not null).Select(a => a.EvidenceId!.Value).ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => evidenceIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => new EvidenceRef(e.Id, e.Kind, e.Title), cancellationToken);
        var inputs = assessments.OrderBy(a => ids.IndexOf(a.Id)).Select(a => new Input(a.Id, a.AssessedOn, a.LevelId, levels[a.LevelId].Title,
            levels[a.LevelId].Score, a.Feedback, a.AssessorKeyId, a.EvidenceId is { } e ? evidence.GetValueOrDefault(e) : null,
            a.UpdatedByKeyId, a.UpdatedAt, a.UpdateReason)).ToList();

        caller.Disclose(db, attainment.LearnerId, "attainment explanation", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(attainment.Id, attainment.LearnerId, competency.Id, competency.HumanCode, competency.FullStatement,
            attainment.Status, attainment.Source, attainment.LevelId is { } l ? levels.GetValueOrDefault(l)?.Title : null, attainment.Score,
            attainment.Reason, new Rule(attainment.Method, attainment.Parameters, mastery.Title, mastery.Score), inputs, attainment.Arithmetic));
    }
}
