namespace Transcripts.Api.Data.Entities;

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
