namespace Transcripts.Api.Data.Entities;

/// <summary>
/// One write, append-only. <see cref="Hash"/> is SHA-256 over the event's fields and
/// <see cref="PreviousHash"/>, so editing or removing any event breaks every later link.
/// </summary>
internal sealed class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public long Sequence { get; set; }
    public Guid? InstitutionId { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string StateHash { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
    /// <summary>
    /// The institution's keyed chain (null before it began, see docs/privacy.md): position in the institution's chain, the MAC of
    /// the link before, and HMAC-SHA256 under the audit key (kept outside the database) over this event and that MAC.
    /// </summary>
    public long? ChainSequence { get; set; }
    public string? PreviousMac { get; set; }
    public string? Mac { get; set; }
}
