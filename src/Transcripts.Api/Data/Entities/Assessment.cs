namespace Transcripts.Api.Data.Entities;

/// <summary>An assessor's judgement: this learner's evidence shows this competency at this level.</summary>
internal sealed class Assessment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LearnerId { get; set; }
    public Guid CompetencyId { get; set; }
    public Guid LevelId { get; set; }
    public Guid? EvidenceId { get; set; }
    public Guid AssessorKeyId { get; set; }
    public string? Feedback { get; set; }
    public DateOnly AssessedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Who last changed the assessment (its author, or a registrar with <see cref="UpdateReason"/>), and when.</summary>
    public Guid? UpdatedByKeyId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdateReason { get; set; }
    public int RowVersion { get; set; }
}
