using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// What a withdrawn or downgraded attainment takes with it: every achievement credential in force that states the
/// attainment, and every transcript in force that embeds an achievement credential of it (a transcript embeds signed
/// badges, so a withdrawn badge inside a valid transcript would still show the competency). They are revoked with the
/// reason, their bits set and their lists re-signed, in the caller's save.
/// </summary>
internal static class AttainmentRevocation
{
    public const string WithdrawnPrefix = "attainment withdrawn: ";
    public const string DowngradedPrefix = "attainment downgraded: ";
    private const int MaxReason = 500;

    /// <summary>One credential a withdrawal revokes.</summary>

    /// <summary>The credentials in force that state <paramref name="attainment"/> (tracked, so the caller can revoke them).</summary>
    public static Task<List<Credential>> FindAsync(TranscriptsDb db, Attainment attainment, CancellationToken cancellationToken) =>
        FindAsync(db, attainment.Id, attainment.LearnerId, cancellationToken);

    /// <summary>The credentials in force that state attainment <paramref name="attainmentId"/> of <paramref name="learnerId"/> (tracked).</summary>
    public static async Task<List<Credential>> FindAsync(TranscriptsDb db, Guid attainmentId, Guid learnerId, CancellationToken cancellationToken)
    {
        var achievementIds = await db.Credentials.Where(c => c.AttainmentId == attainmentId && c.Kind == CredentialKind.Achievement)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        if (achievementIds.Count == 0)
        {
            return [];
        }
        var achievements = await db.Credentials.Where(c => achievementIds.Contains(c.Id) && c.RevokedAt == null).ToListAsync(cancellationToken);
        var embedded = achievementIds.Select(AchievementCredentialBuilder.Urn).ToHashSet(StringComparer.Ordinal);
        // A learner has a handful of transcripts; each is read to see which badges it embeds (their ids are in the signed JSON).
        var transcripts = await db.Credentials.Where(c => c.LearnerId == learnerId && c.Kind == CredentialKind.Transcript
            && c.RevokedAt == null).ToListAsync(cancellationToken);
        return [.. achievements.OrderBy(c => c.IssuedAt), .. transcripts.Where(t => AffectedCredentials.Embeds(t, embedded)).OrderBy(c => c.IssuedAt)];
    }

    /// <summary>Revokes <paramref name="credentials"/> with <paramref name="prefix"/> + <paramref name="reason"/> (tracked; saved by the caller).</summary>
    public static async Task RevokeAsync(IReadOnlyList<Credential> credentials, string prefix, string reason, IssuerSigner signer,
        StatusListService lists, ILogger logger, CancellationToken cancellationToken)
    {
        var text = prefix + reason;
        text = text.Length <= MaxReason ? text : text[..(MaxReason - 1)] + "…";
        foreach (var credential in credentials)
        {
            credential.RevokedAt = signer.Now;
            credential.RevocationReason = text;
            await lists.SetAsync(credential.RevocationListId, credential.RevocationIndex, true, signer, cancellationToken);
            Credentials.Log.CredentialRevokedWithAttainment(logger, credential.Id, credential.AttainmentId);
        }
    }
}
