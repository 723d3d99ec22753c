namespace Transcripts.Signing.Verification;

/// <summary>Every step of a credential's verification, in order.</summary>
/// <param name="Checks">The steps carried out.</param>
public sealed record VerificationReport(IReadOnlyList<Check> Checks)
{
    /// <summary>Failed if any step failed; otherwise unknown if any step could not be carried out; otherwise passed.</summary>
    public CheckStatus Outcome =>
        Checks.Any(c => c.Status == CheckStatus.Failed) ? CheckStatus.Failed
        : Checks.Any(c => c.Status == CheckStatus.Unknown) ? CheckStatus.Unknown
        : CheckStatus.Passed;

    /// <summary>The trusted institution whose key signed, as the trust set knows it (its name is the one to show), when found.</summary>
    public Trust.TrustedInstitution? Institution { get; init; }

    /// <summary>The step called <paramref name="name"/>, if it was carried out.</summary>
    public Check? this[string name] => Checks.FirstOrDefault(c => c.Name == name);
}
