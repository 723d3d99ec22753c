namespace Transcripts.Api.Data.Entities;

/// <summary>A competency framework (a CASE CFDocument).</summary>
internal sealed class Framework : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    /// <summary>The CASE identifier of the CFDocument, when imported; re-imports match on it.</summary>
    public string? CaseIdentifier { get; set; }
    public required string Title { get; set; }
    public string? Creator { get; set; }
    public string? Description { get; set; }
    public string? CaseVersion { get; set; }
    public Guid? ScaleId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int RowVersion { get; set; }
    public List<Competency> Competencies { get; set; } = [];
}

/// <summary>A competency (a CASE CFItem) in a framework's hierarchy.</summary>
internal sealed class Competency : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FrameworkId { get; set; }
    public Guid? ParentId { get; set; }
    public string? CaseIdentifier { get; set; }
    public string? HumanCode { get; set; }
    public required string FullStatement { get; set; }
    public string? AbbreviatedStatement { get; set; }
    public string? ItemType { get; set; }
    public int ListOrder { get; set; }
    public int RowVersion { get; set; }
}

/// <summary>Per framework, how assessments become an attainment.</summary>
internal sealed class MasteryRule : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FrameworkId { get; set; }
    public MasteryMethod Method { get; set; } = MasteryMethod.MostRecent;
    /// <summary>Weight of the newest assessment in a decaying average, in (0, 1).</summary>
    public double DecayWeight { get; set; } = 0.65;
    /// <summary>For <see cref="MasteryMethod.NTimesAtOrAboveMastery"/>: how many assessments must reach mastery.</summary>
    public int RequiredCount { get; set; } = 3;
    public int RowVersion { get; set; }
}

internal enum MasteryMethod
{
    MostRecent,
    Highest,
    Mean,
    DecayingAverage,
    PowerLaw,
    NTimesAtOrAboveMastery,
}
