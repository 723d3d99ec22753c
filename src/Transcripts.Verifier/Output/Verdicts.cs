using System.Globalization;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.Output;

/// <summary>
/// What the reader needs to word a verdict beyond the result itself: the names the trust store gives the institutions
/// (never the name a credential claims for itself), and whether revocation was checked in this run.
/// </summary>
internal sealed class ReportContext(TrustContext trust, bool statusChecked)
{
    public bool StatusChecked => statusChecked;

    /// <summary>The trust store's name for the institution that <paramref name="did"/> belongs to; null when it is not trusted.</summary>
    public string? TrustedName(string? did) => trust.NameOf(did);
}

/// <summary>The words the reports use for verdicts and check outcomes, the same in text and JSON.</summary>
internal static class Verdicts
{
    public static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Valid => "valid",
        Verdict.Invalid => "invalid",
        Verdict.Unreadable => "unreadable",
        _ => "cannot tell",
    };

    public static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        _ => "unknown",
    };

    /// <summary>The first failed (else unknown) check, or the read error: the one line a summary shows.</summary>
    public static string MainReason(InputResult result) =>
        result.Error
        ?? result.Checks.Where(c => c.Status != CheckStatus.Passed).OrderBy(c => c.Status == CheckStatus.Failed ? 0 : 1)
            .Select(c => $"{c.Name}: {c.Reason}").FirstOrDefault()
        ?? "Every check passed.";

    /// <summary>
    /// The verdict in one sentence, first line of the report: "VALID — issued by Riverside Community College, as your
    /// trust store knows it, to Aisha Rahman on 2 December 2026; not revoked as of 3 December, 09:12 UTC."
    /// </summary>
    public static string Sentence(InputResult result, ReportContext context)
    {
        var headline = Word(result.Verdict).ToUpperInvariant();
        if (result.Verdict != Verdict.Valid)
        {
            return $"{headline} — {MainReason(result)}";
        }
        if (result.Summary is null && result.Qr is { } qr)
        {
            var known = context.TrustedName(qr.Issuer);
            return $"VALID QR CODE — signed by {Issuer(qr.Issuer, null, known)}{(known is null ? "" : ",")} for {qr.LearnerName}, transcript {qr.CredentialId}, "
                + $"issued on {Day(qr.IssueDate)}. A QR code shows neither whether the transcript was revoked nor its competencies: see below.";
        }
        if (result.Summary is not { } summary)
        {
            return result.Checks.Count > 0 ? $"{headline} — {result.Checks[^1].Reason}" : $"{headline} — every check passed.";
        }
        // "…, as your trust store knows it, to Aisha Rahman": the aside is closed by a comma before the learner.
        var trusted = TrustedName(summary, context);
        var aside = trusted is not null ? "," : "";
        var sentence = $"{headline} — issued by {Issuer(summary.IssuerId, summary.IssuerName, trusted)}"
            + (summary.Learner is null ? "" : $"{aside} to {summary.Learner}")
            + (summary.ValidFrom is { } from ? $" on {Day(DateOnly.FromDateTime(from.UtcDateTime))}" : "");
        var status = result.Checks.FirstOrDefault(c => c.Name == CheckNames.Status);
        sentence += result.StatusAsOf is { } asOf ? $"; not revoked as of {Moment(asOf, summary.ValidFrom)}"
            : status is not null ? ""
            : context.StatusChecked ? "; it carries no revocation entry, so it cannot be withdrawn"
            : "; revocation not checked (--no-status)";
        if (summary.ValidUntil is { } until)
        {
            sentence += $"; valid until {Day(DateOnly.FromDateTime(until.UtcDateTime))}";
        }
        return sentence + ".";
    }

    /// <summary>The trust store's name for the institution that issued the credential (as the trust rule found it), if trusted.</summary>
    public static string? TrustedName(CredentialSummary summary, ReportContext context) =>
        summary.TrustedIssuerName ?? context.TrustedName(summary.IssuerId);

    /// <summary>"Riverside Community College, as your trust store knows it", with the credential's own name when it differs.</summary>
    /// <param name="withDid">Whether the DID follows a trusted name, as in the details under the checks.</param>
    public static string Issuer(string? did, string? claimedName, string? trustedName, bool withDid = false)
    {
        if (trustedName is not null)
        {
            return $"{trustedName}{(withDid ? $" ({did})" : "")}, as your trust store knows it"
                + (claimedName is not null && !string.Equals(claimedName, trustedName, StringComparison.Ordinal) ? $" (the credential calls it \"{claimedName}\")" : "");
        }
        return $"{did ?? "an issuer with no identifier"}, not in your trust store" + (claimedName is null ? "" : $" (it calls itself \"{claimedName}\")");
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // "3 December, 09:12 UTC", with the year when it is not the year of the issue date.
    private static string Moment(DateTimeOffset moment, DateTimeOffset? issued)
    {
        var utc = moment.UtcDateTime;
        var sameYear = issued is { } i && i.UtcDateTime.Year == utc.Year;
        return utc.ToString(sameYear ? "d MMMM, HH:mm 'UTC'" : "d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }
}
