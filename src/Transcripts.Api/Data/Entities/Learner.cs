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

/// <summary>An identifier of a learner in another system (student number, OneRoster sourcedId…), unique per institution and scheme.</summary>
internal sealed class LearnerIdentifier
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LearnerId { get; set; }
    public Guid InstitutionId { get; set; }
    public required string Scheme { get; set; }
    public required string Value { get; set; }
}

/// <summary>A target the learner or a teacher set: reach mastery of a competency by a date.</summary>
internal sealed class LearnerGoal : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LearnerId { get; set; }
    public Guid CompetencyId { get; set; }
    public DateOnly TargetDate { get; set; }
    public string? Note { get; set; }
    public Guid SetByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int RowVersion { get; set; }
}
