namespace Transcripts.Api.Data.Entities;

internal sealed class Learner : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int RowVersion { get; set; }
    public List<LearnerIdentifier> Identifiers { get; set; } = [];
}
