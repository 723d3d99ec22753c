namespace Transcripts.Api.Data.Entities;

/// <summary>An identifier of a learner in another system (student number, OneRoster sourcedId…), unique per institution and scheme.</summary>
internal sealed class LearnerIdentifier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LearnerId { get; set; }
    public Guid InstitutionId { get; set; }
    public required string Scheme { get; set; }
    public required string Value { get; set; }
}
