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
