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
}
