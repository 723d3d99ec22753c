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
    /// <summary>Nonce (12 bytes), tag (16 bytes) and ciphertext of the private key.</summary>
    public required byte[] SealedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When a newer key replaced this one; published as the verification method's <c>expires</c>.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>When the key was compromised; published as <c>revoked</c>. Nothing signed after it verifies.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public int RowVersion { get; set; }

    public bool IsActive => RetiredAt is null && RevokedAt is null;
}

/// <summary>How an institution issues: its cryptosuite and whether it identifies itself by did:key instead of did:web.</summary>
internal sealed class IssuerSettings : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public string Cryptosuite { get; set; } = "eddsa-rdfc-2022";
    public bool UsesDidKey { get; set; }
    public int RowVersion { get; set; }
}

/// <summary>A signed credential, kept exactly as signed.</summary>
internal sealed class Credential : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    /// <summary>Null for a credential a registrar sent to the VC API for signing.</summary>
    public Guid? LearnerId { get; set; }
    public CredentialKind Kind { get; set; }
    /// <summary>For an achievement credential, the attainment it states.</summary>
    public Guid? AttainmentId { get; set; }
    /// <summary>SHA-256 (hex) over the sorted ids and versions of the attainments it states: re-issuing the same is skipped.</summary>
    public required string Coverage { get; set; }
    public Guid SigningKeyId { get; set; }
    public required byte[] Bytes { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public Guid RevocationListId { get; set; }
    public int RevocationIndex { get; set; }
    /// <summary>
    /// Only credentials whose schema allows several status entries (VC API credentials) have a suspension entry; OB 3.0
    /// and CLR 2.0 allow a single <c>credentialStatus</c> object, which is the revocation entry.
    /// </summary>
    public Guid? SuspensionListId { get; set; }
    public int? SuspensionIndex { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public bool IsSuspended { get; set; }
    public string? SuspensionReason { get; set; }
    /// <summary>The credential that replaced this one (a correction).</summary>
    public Guid? SupersededById { get; set; }
    public int RowVersion { get; set; }
}

internal enum CredentialKind
{
    Achievement,
    Transcript,
    Submitted,
}

/// <summary>A Bitstring Status List of one purpose (revocation or suspension), re-signed whenever a bit changes.</summary>
internal sealed class StatusList : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    public required string Purpose { get; set; }
    public int Length { get; set; }
    public int Allocated { get; set; }
    /// <summary>The bits as the <c>encodedList</c> (GZIP + multibase base64url).</summary>
    public required string EncodedList { get; set; }
    /// <summary>The signed BitstringStatusListCredential, exactly as published.</summary>
    public required byte[] Bytes { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int RowVersion { get; set; }
}

/// <summary>
/// A learner's link to chosen credentials. Only the SHA-256 of the 256-bit token is stored; the token is shown once.
/// Every read through the link writes a <see cref="Disclosure"/>.
/// </summary>
internal sealed class ShareLink : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LearnerId { get; set; }
    public required byte[] TokenHash { get; set; }
    /// <summary>The shared credentials, comma separated.</summary>
    public required string CredentialIds { get; set; }
    public Guid CreatedByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public int RowVersion { get; set; }
}

/// <summary>A background job issuing transcripts for many learners; one <see cref="BatchItem"/> per learner, committed one by one.</summary>
internal sealed class Batch : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CreatedByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int RowVersion { get; set; }
}

internal sealed class BatchItem : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public Guid LearnerId { get; set; }
    public BatchItemStatus Status { get; set; }
    public Guid? CredentialId { get; set; }
    public string? Reason { get; set; }
    public int RowVersion { get; set; }
}

internal enum BatchItemStatus
{
    Pending,
    Issued,
    Skipped,
    Failed,
}
