using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Trust;

namespace Transcripts.Signing.Verification;

/// <summary>What a credential is verified against. Time is passed in; nothing is fetched.</summary>
public sealed record VerificationOptions
{
    /// <summary>The moment the validity period and proof expiry are checked against.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>How proofs are verified (keys and DID documents beyond did:key, expected purpose).</summary>
    public ProofVerificationOptions Proofs { get; init; } = ProofVerificationOptions.Default;

    /// <summary>
    /// The institutions the caller trusts, with their keys and key states. When set, the issuer step applies
    /// <see cref="TrustRule"/> to every verified proof; their keys also verify proofs (no DID document needed).
    /// </summary>
    public IReadOnlyList<TrustedInstitution>? Trust { get; init; }

    /// <summary>
    /// A shorthand for <see cref="Trust"/>: issuer DIDs the caller trusts. A did:key is trusted with its one key; another DID
    /// with the keys of its document in <see cref="ProofVerificationOptions.DidDocuments"/>. Ignored when <see cref="Trust"/> is set.
    /// When both are null, the issuer-trust step is skipped.
    /// </summary>
    public IReadOnlySet<string>? TrustedIssuers { get; init; }

    /// <summary>The trusted institutions: <see cref="Trust"/>, or those <see cref="TrustedIssuers"/> names; null when neither is set.</summary>
    internal IReadOnlyList<TrustedInstitution>? Institutions() =>
        Trust ?? TrustedIssuers?.Select(did => Keys.DidKey.TryResolve(did, out var key) && !did.Contains('#', StringComparison.Ordinal)
                ? new TrustedInstitution(did, null, [new IssuerKey(Keys.DidKey.VerificationMethodId(key), did, key, KeyState.Active)])
                : Proofs.DidDocuments?.FirstOrDefault(d => TrustedInstitution.Text(d["id"]) == did) is { } document
                    ? TrustedInstitution.FromDidDocument(document)
                    : new TrustedInstitution(did, null, [])).ToList();

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
