using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;

namespace Transcripts.Signing.Verification;

/// <summary>What a credential is verified against. Time is passed in; nothing is fetched.</summary>
public sealed record VerificationOptions
{
    /// <summary>The moment the validity period and proof expiry are checked against.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>How proofs are verified (keys and DID documents beyond did:key, expected purpose).</summary>
    public ProofVerificationOptions Proofs { get; init; } = ProofVerificationOptions.Default;

    /// <summary>
    /// When set, the issuer must be on this list: issuer ids (DIDs or URLs), verification method ids, or Multikey values.
    /// When null, the issuer-trust step is skipped.
    /// </summary>
    public IReadOnlySet<string>? TrustedIssuers { get; init; }

    /// <summary>
    /// When set, status entries are checked against these decoded lists, keyed by <c>statusListCredential</c> URL;
    /// an entry whose list is missing is reported as unknown. When null, the status step is skipped.
    /// </summary>
    public IReadOnlyDictionary<string, BitstringStatusList>? StatusLists { get; init; }

    /// <summary>
    /// Verified status list credentials (see <see cref="StatusListCredential.TryVerify"/>), keyed by <c>statusListCredential</c>
    /// URL, with their validity periods: a list past its <c>validUntil</c> at <see cref="Now"/> gives "unknown", as does one of
    /// another purpose than the entry. Looked up before <see cref="StatusLists"/>; setting either turns the status step on.
    /// </summary>
    public IReadOnlyDictionary<string, StatusListCredential>? StatusListCredentials { get; init; }

    /// <summary>
    /// Issuers whose trust profile says that every credential they issue carries a status entry (<c>statusRequired</c>):
    /// a credential of theirs without <c>credentialStatus</c> fails the status step, even when status lists are not checked.
    /// </summary>
    public IReadOnlySet<string>? StatusRequiredIssuers { get; init; }
}
