using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// What a new mastery rule, or a scale's moved mastery threshold, does to attainments: every attainment the rule derived
/// (a registrar's award or withdrawal stands) is recomputed, and those it lowers are returned with the credentials in
/// force that state them. Tracked and unsaved: the change revokes them and saves; its preview only reads them.
/// </summary>
internal static class MasteryRuleChange
{
    /// <summary>An attainment the change lowers and the credentials that state it.</summary>
    public sealed record Lowered(Attainment Attainment, AttainmentDowngrade.Standing Before, IReadOnlyList<Credential> Credentials);

    /// <summary>An attainment a change would lower, as a preview shows it (the level after is null when it is no longer attained).</summary>
    public sealed record LoweredAttainment(Guid AttainmentId, Guid LearnerId, Guid CompetencyId, Guid? LevelBefore, Guid? LevelAfter,
        AttainmentStatus StatusAfter);

    /// <summary>What a preview shows of a change: the attainments it lowers and the credentials and transcripts it revokes.</summary>
    public sealed record Consequences(IReadOnlyList<LoweredAttainment> Lowered, IReadOnlyList<AffectedCredentials.Affected> Achievements,
        IReadOnlyList<AffectedCredentials.Affected> Transcripts);

    /// <summary>Recomputes one framework's attainments under <paramref name="rule"/>, the rule being set or previewed.</summary>
    public static Task<List<Lowered>> RecomputeAsync(TranscriptsDb db, Guid institutionId, Guid frameworkId, MasteryRule rule, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        RecomputeAsync(db, institutionId, db.Competencies.Where(c => c.FrameworkId == frameworkId).Select(c => c.Id), rule, now, cancellationToken);

    /// <summary>
    /// Recomputes the attainments of every framework that uses the scale, each by its own rule, with the scale's mastery
    /// threshold as the tracked (unsaved) scale now holds it.
    /// </summary>
    public static Task<List<Lowered>> RecomputeScaleAsync(TranscriptsDb db, Guid institutionId, Guid scaleId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        RecomputeAsync(db, institutionId, db.Competencies.Where(c => db.Frameworks.Any(f => f.Id == c.FrameworkId && f.ScaleId == scaleId)).Select(c => c.Id),
            null, now, cancellationToken);

    public static Consequences Describe(IReadOnlyList<Lowered> lowered)
    {
        var affected = Revoked(lowered);
        return new Consequences(
            [.. lowered.Select(l => new LoweredAttainment(l.Attainment.Id, l.Attainment.LearnerId, l.Attainment.CompetencyId, l.Before.LevelId,
                l.Attainment.Status == AttainmentStatus.Attained ? l.Attainment.LevelId : null, l.Attainment.Status))],
            AffectedCredentials.Describe(affected.Where(c => c.Kind == CredentialKind.Achievement)),
            AffectedCredentials.Describe(affected.Where(c => c.Kind == CredentialKind.Transcript)));
    }

    /// <summary>The credentials a change revokes, each once (a transcript may state several lowered attainments).</summary>
    public static List<Credential> Revoked(IReadOnlyList<Lowered> lowered) => [.. lowered.SelectMany(l => l.Credentials).DistinctBy(c => c.Id)];

    /// <summary>Revokes, in the caller's save, what the lowered attainments stated (see <see cref="AttainmentDowngrade.RevokeAsync"/>).</summary>
    public static Task<ProblemHttpResult?> RevokeAsync(TranscriptsDb db, Guid institutionId, IReadOnlyList<Lowered> lowered, string reason,
        SigningKeyService keys, StatusListService lists, TimeProvider clock, ILogger logger, CancellationToken cancellationToken) =>
        AttainmentDowngrade.RevokeAsync(db, institutionId, Revoked(lowered), reason, keys, lists, clock, logger, cancellationToken);

    private static async Task<List<Lowered>> RecomputeAsync(TranscriptsDb db, Guid institutionId, IQueryable<Guid> competencies, MasteryRule? rule,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attainments = await db.Attainments.Where(a => a.InstitutionId == institutionId && a.Source == AttainmentSource.Rule
                && competencies.Contains(a.CompetencyId))
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
