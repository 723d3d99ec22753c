namespace Transcripts.Api.Data.Entities;

/// <summary>The FERPA record of disclosures: who read which of a learner's records, when.</summary>
internal sealed class Disclosure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LearnerId { get; set; }
    public Guid ApiKeyId { get; set; }
    public required string Role { get; set; }
    public required string Record { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>
    /// The institution's keyed chain (null before it began, see docs/privacy.md): position in the institution's chain, the MAC of
    /// the link before, and HMAC-SHA256 under the audit key (kept outside the database) over this event and that MAC.
    /// </summary>
    public long? ChainSequence { get; set; }
    public string? PreviousMac { get; set; }
    public string? Mac { get; set; }
}
