using Transcripts.Signing.Verification;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.Output;

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
}
