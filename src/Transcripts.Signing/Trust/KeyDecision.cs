using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Trust;

/// <summary>What <see cref="TrustRule"/> decided about one proof's key.</summary>
/// <param name="Status">Passed: the key may sign for the issuer then. Failed: it may not (a forgery or a misuse).
/// Unknown: the issuer is not among the trusted institutions, so nothing can be said.</param>
/// <param name="Reason">A sentence for the person reading the report.</param>
/// <param name="Institution">The trusted institution the key belongs to, when found.</param>
/// <param name="Key">The key as that institution publishes it, when found.</param>
public sealed record KeyDecision(CheckStatus Status, string Reason, TrustedInstitution? Institution, IssuerKey? Key);
