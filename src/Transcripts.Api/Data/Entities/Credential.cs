namespace Transcripts.Api.Data.Entities;

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
    /// <summary>When the learner or a registrar took the public verification page down (it then answers 404; status lists are unchanged).</summary>
    public DateTimeOffset? PageTakenDownAt { get; set; }
    public int RowVersion { get; set; }
}
