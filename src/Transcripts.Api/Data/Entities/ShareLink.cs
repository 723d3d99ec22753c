namespace Transcripts.Api.Data.Entities;

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
    /// <summary>A registrar's recorded reason for creating the link on the learner's behalf; null when the learner made it.</summary>
    public string? CreatedReason { get; set; }
    /// <summary>How many times the link may be opened, and how many times it was (a counter, not a row per request).</summary>
    public int MaxOpens { get; set; }
    public int OpenCount { get; set; }
    public int RowVersion { get; set; }
}
