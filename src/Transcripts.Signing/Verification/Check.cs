namespace Transcripts.Signing.Verification;

/// <summary>One verification step's outcome, with a reason written for the person reading the report.</summary>
/// <param name="Name">The step, one of the <see cref="CheckNames"/>.</param>
/// <param name="Status">Passed, failed or unknown.</param>
/// <param name="Reason">A sentence an admissions officer understands.</param>
public sealed record Check(string Name, CheckStatus Status, string Reason);
