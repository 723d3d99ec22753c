namespace Transcripts.Signing.Trust;

/// <summary>Where a signing key stands in its institution's key lifecycle (see docs/signing.md).</summary>
public enum KeyState
{
    /// <summary>The institution signs with it now.</summary>
    Active,

    /// <summary>
    /// Replaced by a newer key in a routine rotation; its private key was destroyed then, so it counts for proofs made
    /// before <see cref="IssuerKey.RetiredAt"/> and for nothing made after.
    /// </summary>
    Retired,

    /// <summary>
    /// Compromised from <see cref="IssuerKey.RevokedAt"/> on. Whoever holds it can write any <c>created</c>, so a proof by it
    /// counts only for a credential on the institution's signed list of what that key really signed.
    /// </summary>
    Revoked,
}
