namespace Transcripts.Api.Data.Entities;

/// <summary>A learner's standing on one competency, derived by the framework's rule or decided by a registrar.</summary>
internal sealed class Attainment : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LearnerId { get; set; }
    public Guid CompetencyId { get; set; }
    public Guid? LevelId { get; set; }
    public double? Score { get; set; }
    public AttainmentStatus Status { get; set; }
    public AttainmentSource Source { get; set; }
    public MasteryMethod Method { get; set; }
    /// <summary>The rule's parameters as a person reads them ("weight 0.65", "3 times").</summary>
    public string? Parameters { get; set; }
    /// <summary>The arithmetic, step by step, that gave <see cref="Score"/>.</summary>
    public string Arithmetic { get; set; } = "";
    /// <summary>The assessments the rule used, comma separated, oldest first.</summary>
    public string InputAssessmentIds { get; set; } = "";
    public string? Reason { get; set; }
    public Guid? DecidedByKeyId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int RowVersion { get; set; }

    /// <summary><see cref="InputAssessmentIds"/> as ids, oldest first.</summary>
    public List<Guid> InputAssessments() =>
        [.. InputAssessmentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var id) ? id : (Guid?)null).OfType<Guid>()];
}
