namespace Transcripts.Api.Data.Entities;

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
