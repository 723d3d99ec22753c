using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Assessments;

/// <summary>The database rules an assessment must meet: everything belongs to the caller's institution and fits together.</summary>
internal static class AssessmentChecks
{
    public static async Task<Dictionary<string, string[]>?> CheckAsync(TranscriptsDb db, Guid institutionId, Guid learnerId,
        Guid competencyId, Guid levelId, Guid? evidenceId, CancellationToken cancellationToken)
    {
        // Every check in one round trip: this runs before every assessment write.
        var competencies = db.Competencies.Where(c => c.Id == competencyId
            && db.Frameworks.Any(f => f.Id == c.FrameworkId && f.InstitutionId == institutionId));
        var found = await db.Institutions.Where(i => i.Id == institutionId).Select(i => new
        {
            Learner = db.Learners.Any(l => l.Id == learnerId && l.InstitutionId == institutionId && !l.IsArchived),
            Competency = competencies.Any(),
            Scale = competencies.Any(c => db.Frameworks.Any(f => f.Id == c.FrameworkId && f.ScaleId != null)),
            Level = db.Levels.Any(l => l.Id == levelId && competencies.Any(c => db.Frameworks.Any(f => f.Id == c.FrameworkId && f.ScaleId == l.ScaleId))),
            Evidence = evidenceId == null || db.Evidence.Any(e => e.Id == evidenceId && e.LearnerId == learnerId && e.InstitutionId == institutionId),
        }).SingleOrDefaultAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (found is not { Learner: true })
        {
            errors["learnerId"] = [$"No learner {learnerId} in this institution."];
        }
        if (found is not { Competency: true })
        {
            errors["competencyId"] = [$"No competency {competencyId} in this institution's frameworks."];
        }
        else if (!found.Scale)
        {
            errors["competencyId"] = ["The competency's framework has no proficiency scale yet; a registrar sets one first."];
        }
        else if (!found.Level)
        {
            errors["levelId"] = [$"Level {levelId} is not on the proficiency scale of the competency's framework."];
        }
        if (evidenceId is { } id && found is not { Evidence: true })
        {
            errors["evidenceId"] = [$"No evidence {id} of this learner."];
        }
        return errors.Count == 0 ? null : errors;
    }
}
