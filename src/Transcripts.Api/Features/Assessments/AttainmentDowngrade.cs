using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// A recomputation that lowers an attainment (a new, corrected or removed assessment, a changed mastery rule or a moved mastery threshold) makes
/// the credentials stating the old level overstate the learner: they and the transcripts embedding them are revoked with
/// the reason, in the caller's save. Lowered means: it was attained and now is not (or is gone), or its level now scores
/// lower. A higher level is not a downgrade (re-issuing supersedes the old credential).
/// </summary>
internal static class AttainmentDowngrade
{
    public const string NewAssessment = "a new assessment lowered the level by the framework's mastery rule";
    public const string CorrectedAssessment = "a corrected assessment lowered the level by the framework's mastery rule";
    public const string RemovedAssessment = "an assessment was removed and the level fell";
    public const string RuleChanged = "the framework's mastery rule changed and gives a lower level";
    public const string ThresholdMoved = "the scale's mastery threshold moved and the level is no longer attained";

    /// <summary>An attainment's standing before a recomputation.</summary>
    public sealed record Standing(Guid Id, Guid LearnerId, AttainmentStatus Status, Guid? LevelId);

    /// <summary>
    /// The attainment's standing before a change. The row is read tracked, so that the recompute which follows finds it in
    /// the context instead of reading it again (one round trip fewer on every assessment write).
    /// </summary>
    public static async Task<Standing?> BeforeAsync(TranscriptsDb db, Guid learnerId, Guid competencyId, CancellationToken cancellationToken) =>
        await db.Attainments.SingleOrDefaultAsync(a => a.LearnerId == learnerId && a.CompetencyId == competencyId, cancellationToken) is { } a
            ? Of(a)
            : null;

    public static Standing Of(Attainment attainment) => new(attainment.Id, attainment.LearnerId, attainment.Status, attainment.LevelId);

    /// <summary>Whether <paramref name="after"/> (null: the attainment is gone) states less than <paramref name="before"/>.</summary>
    public static async Task<bool> IsLoweredAsync(TranscriptsDb db, Standing? before, Attainment? after, CancellationToken cancellationToken)
    {
        if (before is not { Status: AttainmentStatus.Attained, LevelId: { } was })
        {
            return false;
        }
        if (after is null || after.Status != AttainmentStatus.Attained || after.LevelId is not { } now)
        {
            return true;
        }
        if (now == was)
        {
            return false;
        }
        var scores = await db.Levels.AsNoTracking().Where(l => l.Id == was || l.Id == now).ToDictionaryAsync(l => l.Id, l => l.Score, cancellationToken);
        return scores.TryGetValue(now, out var nowScore) && scores.TryGetValue(was, out var wasScore) && nowScore < wasScore;
    }

    /// <summary>
    /// Revokes what <paramref name="before"/> stated when <paramref name="after"/> lowers it; a problem when revocation is
    /// needed but the institution cannot sign (the change is then refused: a credential must not outlive its attainment).
    /// </summary>
    public static async Task<ProblemHttpResult?> RevokeIfLoweredAsync(TranscriptsDb db, Guid institutionId, Standing? before, Attainment? after,
        string reason, SigningKeyService keys, StatusListService lists, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        if (before is null || !await IsLoweredAsync(db, before, after, cancellationToken))
        {
            return null;
        }
        return await RevokeAsync(db, institutionId, await AttainmentRevocation.FindAsync(db, before.Id, before.LearnerId, cancellationToken), reason,
            keys, lists, clock, logger, cancellationToken);
    }

    /// <summary>
    /// Revokes, in the caller's save, credentials that overstate a lowered attainment; a problem when there is something to
    /// revoke but the institution cannot sign (the change is then refused).
    /// </summary>
    public static async Task<ProblemHttpResult?> RevokeAsync(TranscriptsDb db, Guid institutionId, IReadOnlyList<Credential> affected, string reason,
        SigningKeyService keys, StatusListService lists, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        if (affected.Count == 0)
        {
            return null;
        }
        var (signer, problem) = await keys.OpenSignerAsync(db, institutionId, clock, cancellationToken);
        if (signer is null)
        {
            return (problem ?? SignerUnavailable.NotConfigured).ToProblem();
        }
        using (signer)
        {
            await AttainmentRevocation.RevokeAsync(affected, AttainmentRevocation.DowngradedPrefix, reason, signer, lists, logger, cancellationToken);
        }
        return null;
    }
}
