using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// Keeps a learner's <see cref="Attainment"/> for one competency in step with their assessments, by the
/// framework's mastery rule. A registrar's own decision (award or withdrawal) stands until a registrar changes it.
/// Adds or updates tracked rows; the caller saves them with its own change.
/// </summary>
internal static class AttainmentCalculator
{
    /// <returns>The attainment as it will be saved, or null when the learner has no assessment of the competency left.</returns>
    public static Task<Attainment?> RecomputeAsync(TranscriptsDb db, Guid institutionId, Guid learnerId, Guid competencyId,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        RecomputeAsync(db, institutionId, learnerId, competencyId, now, null, cancellationToken);

    /// <param name="rule">The rule to apply instead of the framework's stored one (a rule being changed, or previewed).</param>
    public static async Task<Attainment?> RecomputeAsync(TranscriptsDb db, Guid institutionId, Guid learnerId, Guid competencyId,
        DateTimeOffset now, MasteryRule? rule, CancellationToken cancellationToken)
    {
        // Already in the context (read by the caller, or added and not saved yet), else from the database.
        var attainment = db.Attainments.Local.SingleOrDefault(a => a.LearnerId == learnerId && a.CompetencyId == competencyId)
            ?? await db.Attainments.SingleOrDefaultAsync(a => a.LearnerId == learnerId && a.CompetencyId == competencyId, cancellationToken);
        if (attainment is { Source: AttainmentSource.Award })
        {
            return attainment;
        }
        // One round trip for the framework's rule, its scale and the scale's levels: this runs on every assessment write.
        var setting = await db.Competencies.AsNoTracking().Where(c => c.Id == competencyId)
            .Join(db.Frameworks, c => c.FrameworkId, f => f.Id, (c, f) => new
            {
                FrameworkId = f.Id,
                ScaleId = f.ScaleId!.Value,
                Rule = db.MasteryRules.FirstOrDefault(r => r.FrameworkId == f.Id),
                MasteryLevelId = db.Scales.Where(s => s.Id == f.ScaleId).Select(s => s.MasteryLevelId).FirstOrDefault(),
                Levels = db.Levels.Where(l => l.ScaleId == f.ScaleId).ToList(),
            })
            .SingleAsync(cancellationToken);
        rule ??= setting.Rule ?? new MasteryRule { FrameworkId = setting.FrameworkId };
        var scaleLevels = setting.Levels;

        // Assessments as they will be after this save: the database's, with this context's pending changes applied.
        var stored = await db.Assessments.AsNoTracking().Where(a => a.LearnerId == learnerId && a.CompetencyId == competencyId)
            .ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<Assessment>().ToDictionary(e => e.Entity.Id);
        var assessments = stored.Where(a => !pending.ContainsKey(a.Id))
            .Concat(pending.Values.Where(e => e.State != EntityState.Deleted && e.Entity.LearnerId == learnerId && e.Entity.CompetencyId == competencyId)
                .Select(e => e.Entity))
            .OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToList();

        if (assessments.Count == 0)
        {
            if (attainment is not null)
            {
                db.Attainments.Remove(attainment);
            }
            return null;
        }
        var levels = scaleLevels.ToDictionary(l => l.Id);
        // A scale whose mastery threshold is being moved (tracked, unsaved) counts as it will be saved.
        var masteryLevelId = db.Scales.Local.FirstOrDefault(s => s.Id == setting.ScaleId)?.MasteryLevelId ?? setting.MasteryLevelId;
        var mastery = levels.GetValueOrDefault(masteryLevelId ?? Guid.Empty) ?? scaleLevels.MaxBy(l => l.Score)!;
        var calculator = MasteryCalculator.For(rule);
        var outcome = calculator.Calculate(assessments.Select(a => levels[a.LevelId].Score).ToList(), mastery.Score);
        var level = scaleLevels.Where(l => l.Score <= outcome.Score + MasteryCalculator.Tolerance).MaxBy(l => l.Score)
            ?? scaleLevels.MinBy(l => l.Score)!;

        if (attainment is null)
        {
            attainment = new Attainment { InstitutionId = institutionId, LearnerId = learnerId, CompetencyId = competencyId };
            db.Attainments.Add(attainment);
        }
        attainment.Source = AttainmentSource.Rule;
        attainment.Status = outcome.IsAttained ? AttainmentStatus.Attained : AttainmentStatus.InProgress;
        attainment.LevelId = level.Id;
        attainment.Score = outcome.Score;
        attainment.Method = rule.Method;
        attainment.Parameters = calculator.Parameters;
        attainment.Arithmetic = $"{outcome.Arithmetic}; {MasteryCalculator.F(outcome.Score)} falls in level \"{level.Title}\"";
        attainment.InputAssessmentIds = string.Join(',', assessments.Select(a => a.Id));
        attainment.Reason = null;
        attainment.DecidedByKeyId = null;
        attainment.UpdatedAt = now;
        return attainment;
    }
}
