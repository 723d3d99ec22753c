namespace Transcripts.Api.Data.Entities;

/// <summary>A school: the issuer profile. Every other row belongs to exactly one institution.</summary>
internal sealed class Institution : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>The public base URL the service is reached at; the did:web identifier is derived from it.</summary>
    public string? PublicBaseUrl { get; set; }
    public string? LogoSha256 { get; set; }
    public string? LogoMediaType { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// When the service's operator suspended the institution: its API keys stop working and its share links and verification
    /// pages answer <c>institution-suspended</c>, while its DID document, trust bundle and status lists are still served.
    /// </summary>
    public DateTimeOffset? SuspendedAt { get; set; }
    /// <summary>Why it was suspended, in the operator's words (shown to operators only).</summary>
    public string? SuspensionReason { get; set; }
    /// <summary>When the operator last lifted a suspension, and why in the operator's words (the row, so the reason, is audited).</summary>
    public DateTimeOffset? ReinstatedAt { get; set; }
    public string? ReinstatementReason { get; set; }
    public int RowVersion { get; set; }
}
