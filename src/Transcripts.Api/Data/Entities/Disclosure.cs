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
}
