namespace Transcripts.Api.Data.Entities;

internal sealed class Level
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ScaleId { get; set; }
    public string? CaseIdentifier { get; set; }
    /// <summary>1 for the lowest level.</summary>
    public int Ordinal { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>The number the mastery rules compute with.</summary>
    public double Score { get; set; }
}
