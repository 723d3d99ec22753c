namespace Transcripts.Api.Data.Entities;

/// <summary>
/// An institution's signing key. Only the public key is readable; the private key is sealed with AES-256-GCM under the
/// key-encryption key, with this row's id as associated data, so a sealed key copied to another row does not open.
/// </summary>
internal sealed class SigningKey : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    /// <summary><c>Ed25519</c> or <c>P256</c>.</summary>
    public required string KeyType { get; set; }
    /// <summary>The public key as a Multikey (<c>z6Mk…</c> or <c>zDn…</c>).</summary>
    public required string PublicKeyMultibase { get; set; }
    /// <summary>
    /// The public part of the P-256 key derived from this one that signs PDF transcripts as documents
    /// (<c>DocumentSigningKey</c>), as a Multikey; published beside it. Null for a key made before PDFs were signed, until
    /// it first signs one.
    /// </summary>
    public string? DocumentPublicKeyMultibase { get; set; }
    /// <summary>
    /// Nonce (12 bytes), tag (16 bytes) and ciphertext of the private key; empty once the key is retired or revoked (the
    /// private key is destroyed then, so nothing can be signed with it later, even with the database and the KEK).
    /// </summary>
    public required byte[] SealedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When a newer key replaced this one; published as the verification method's <c>expires</c>.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>When the key was compromised; published as <c>revoked</c>. Nothing signed after it verifies.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    /// <summary>
    /// The key link (Signing TrustBundle.CreateKeyLink) by which the previous active key, just before it was retired and
    /// destroyed, named this key as its successor; published in the trust bundle for verifiers' key continuity.
    /// </summary>
    public string? PredecessorLink { get; set; }
    /// <summary>For a revoked key: the signed list of the credentials it really signed (Signing IssuedCredentialsList), once published.</summary>
    public string? IssuedCredentialsList { get; set; }
    public int RowVersion { get; set; }

    public bool IsActive => RetiredAt is null && RevokedAt is null;

    /// <summary>Whether the private key still exists (false once retired or revoked).</summary>
    public bool HasPrivateKey => SealedPrivateKey.Length > 0;
}
