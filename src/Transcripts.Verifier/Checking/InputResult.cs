using Transcripts.Signing.Verification;

namespace Transcripts.Verifier.Checking;

/// <summary>The verdict on one input, and the exit code it maps to.</summary>
internal enum Verdict
{
    /// <summary>Every check passed.</summary>
    Valid = ExitCodes.Valid,
    /// <summary>A check failed.</summary>
    Invalid = ExitCodes.Invalid,
    /// <summary>The input could not be read at all.</summary>
    Unreadable = ExitCodes.Usage,
    /// <summary>No check failed, but one could not be decided.</summary>
    CannotTell = ExitCodes.CannotTell,
}

/// <summary>What the verifier found about one input: its checks in order, what it says, and the credentials inside it.</summary>
internal sealed record InputResult
{
    public required string Source { get; init; }

    /// <summary>What the input is, in words: "PDF transcript", "CLR 2.0 transcript", "QR text"…</summary>
    public required string Kind { get; init; }

    public IReadOnlyList<Check> Checks { get; init; } = [];

    public CredentialSummary? Summary { get; init; }

    /// <summary>The claims a QR token makes, for the reader to compare with the paper.</summary>
    public QrClaims? Qr { get; init; }

    /// <summary>For a scan (photo, scanner image or scanner's PDF): where the QR code was found and what it was compared with.</summary>
    public ScanFindings? Scan { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the exact signed bytes of the credential this input is, when known: a QR token names it.</summary>
    public string? SignedSha256 { get; init; }

    /// <summary>When the status list copy that showed the credential not revoked was current (fetched, or issued if stapled).</summary>
    public DateTimeOffset? StatusAsOf { get; init; }

    /// <summary>Credentials inside a CLR or a presentation, each verified on its own.</summary>
    public IReadOnlyList<InputResult> Credentials { get; init; } = [];

    /// <summary>Why the input could not be read; null when it was.</summary>
    public string? Error { get; init; }

    public Verdict Verdict => Error is not null ? Verdict.Unreadable
        : new VerificationReport(Checks).Outcome switch
        {
            CheckStatus.Passed => Verdict.Valid,
            CheckStatus.Failed => Verdict.Invalid,
            _ => Verdict.CannotTell,
        };

    public static InputResult Unreadable(string source, string error) => new() { Source = source, Kind = "unreadable", Error = error };

    /// <summary>The exit code for several inputs: invalid beats unreadable beats cannot tell beats valid.</summary>
    public static int ExitCode(IEnumerable<InputResult> results)
    {
        var verdicts = results.Select(r => r.Verdict).ToHashSet();
        return verdicts.Contains(Verdict.Invalid) ? ExitCodes.Invalid
            : verdicts.Contains(Verdict.Unreadable) ? ExitCodes.Usage
            : verdicts.Contains(Verdict.CannotTell) ? ExitCodes.CannotTell
            : ExitCodes.Valid;
    }
}

/// <summary>What a QR token claims, signed by the institution.</summary>
internal sealed record QrClaims(string Text, string ReadFrom, string CredentialId, string LearnerName, DateOnly IssueDate,
                                string VerificationMethod, string Issuer, string? IssuerName, string CredentialSha256);
