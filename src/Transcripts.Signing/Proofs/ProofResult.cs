using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs;

/// <summary>The outcome of verifying one proof of a proof set or chain.</summary>
/// <param name="Index">The position of the proof in the document's <c>proof</c> (0 for a single proof object).</param>
/// <param name="IsVerified">Whether the proof is valid.</param>
/// <param name="Reason">A sentence saying why, for a person.</param>
/// <param name="Cryptosuite">The proof's cryptosuite (or legacy type), if it named one.</param>
/// <param name="VerificationMethod">The proof's verification method, if it named one.</param>
/// <param name="Key">The public key the proof was checked with, when it was resolved.</param>
/// <param name="Error">When the proof could not be checked because of malformed or unsupported input, its stable code
/// (for example <see cref="SigningError.UnknownContext"/>: the credential may be genuine but cannot be checked here).</param>
public sealed record ProofResult(int Index, bool IsVerified, string Reason, string? Cryptosuite, string? VerificationMethod, PublicKey? Key,
                                 SigningError? Error = null);

/// <summary>The outcome of verifying every proof of a document.</summary>
/// <param name="Proofs">One result per proof, in document order.</param>
public sealed record ProofVerificationResult(IReadOnlyList<ProofResult> Proofs)
{
    /// <summary>True when the document has at least one proof and every proof verifies.</summary>
    public bool IsVerified => Proofs.Count > 0 && Proofs.All(p => p.IsVerified);
}
