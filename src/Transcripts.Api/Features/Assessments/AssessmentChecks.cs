using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Assessments;

/// <summary>The database rules an assessment must meet: everything belongs to the caller's institution and fits together.</summary>
internal static class AssessmentChecks
{
    public static async Task<Dictionary<string, string[]>?> CheckAsync(TranscriptsDb db, Guid institutionId, Guid learnerId,
        Guid competencyId, Guid levelId, Guid? evidenceId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.Learners.AnyAsync(l => l.Id == learnerId && l.InstitutionId == institutionId && !l.IsArchived, cancellationToken))
        {
            errors["learnerId"] = [$"No learner {learnerId} in this institution."];
        }
        var scaleId = await db.Competencies.Where(c => c.Id == competencyId)
            .Join(db.Frameworks.Where(f => f.InstitutionId == institutionId), c => c.FrameworkId, f => f.Id, (c, f) => new { f.ScaleId })
            .SingleOrDefaultAsync(cancellationToken);
        if (scaleId is null)
        {
            errors["competencyId"] = [$"No competency {competencyId} in this institution's frameworks."];
        }
        else if (scaleId.ScaleId is null)
        {
            errors["competencyId"] = ["The competency's framework has no proficiency scale yet; a registrar sets one first."];
        }
        else if (!await db.Levels.AnyAsync(l => l.Id == levelId && l.ScaleId == scaleId.ScaleId, cancellationToken))
        {
            errors["levelId"] = [$"Level {levelId} is not on the proficiency scale of the competency's framework."];
        }
        if (evidenceId is { } id && !await db.Evidence.AnyAsync(e => e.Id == id && e.LearnerId == learnerId && e.InstitutionId == institutionId, cancellationToken))
        {
            errors["evidenceId"] = [$"No evidence {id} of this learner."];
        }
        return errors.Count == 0 ? null : errors;
    }
}
