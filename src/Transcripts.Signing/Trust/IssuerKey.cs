using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Trust;

/// <summary>A key an institution publishes for issuing credentials (listed under <c>assertionMethod</c>).</summary>
/// <param name="VerificationMethod">The verification method id a proof names, e.g. <c>did:web:school.example#z6Mk…</c>.</param>
/// <param name="Controller">The DID that controls the key: the issuer a proof by it may speak for.</param>
/// <param name="PublicKey">The public key.</param>
/// <param name="State">Active, retired or revoked.</param>
/// <param name="RetiredAt">When a rotation retired it (its DID document's <c>expires</c>).</param>
/// <param name="RevokedAt">When its compromise began (its DID document's <c>revoked</c>).</param>
public sealed record IssuerKey(string VerificationMethod, string Controller, PublicKey PublicKey, KeyState State,
                               DateTimeOffset? RetiredAt = null, DateTimeOffset? RevokedAt = null)
{
    /// <summary>The DID part of a verification method id (everything before <c>#</c>).</summary>
    public static string ControllerOf(string verificationMethod)
    {
        ArgumentNullException.ThrowIfNull(verificationMethod);
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? verificationMethod : verificationMethod[..hash];
    }

    /// <summary>The same key, revoked as of <paramref name="revokedAt"/> (a revocation only ever lowers what a key counts for).</summary>
    public IssuerKey Revoke(DateTimeOffset? revokedAt) => this with { State = KeyState.Revoked, RevokedAt = revokedAt ?? RevokedAt };
}
