using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// What a new mastery rule does to a framework's attainments: every attainment the rule derived (a registrar's award or
/// withdrawal stands) is recomputed under the new rule, and those it lowers are returned with the credentials in
/// force that state them. Tracked and unsaved: the rule change revokes them and saves; its preview only reads them.
/// </summary>
internal static class MasteryRuleChange
{
    /// <summary>An attainment the rule lowers and the credentials that state it.</summary>
    public sealed record Lowered(Attainment Attainment, AttainmentDowngrade.Standing Before, IReadOnlyList<Credential> Credentials);

    public static async Task<List<Lowered>> RecomputeAsync(TranscriptsDb db, Guid institutionId, Guid frameworkId, MasteryRule rule, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var attainments = await db.Attainments.Where(a => a.InstitutionId == institutionId && a.Source == AttainmentSource.Rule
                && db.Competencies.Any(c => c.Id == a.CompetencyId && c.FrameworkId == frameworkId))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var lowered = new List<Lowered>();
        foreach (var attainment in attainments)
        {
            var before = AttainmentDowngrade.Of(attainment);
            var after = await AttainmentCalculator.RecomputeAsync(db, institutionId, attainment.LearnerId, attainment.CompetencyId, now, rule, cancellationToken);
            if (await AttainmentDowngrade.IsLoweredAsync(db, before, after, cancellationToken))
            {
                lowered.Add(new Lowered(attainment, before, await AttainmentRevocation.FindAsync(db, attainment.Id, attainment.LearnerId, cancellationToken)));
            }
        }
        return lowered;
    }
}
