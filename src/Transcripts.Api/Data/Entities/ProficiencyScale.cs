namespace Transcripts.Api.Data.Entities;

/// <summary>Ordered levels (a CASE CFRubric) with the level that counts as mastery.</summary>
internal sealed class ProficiencyScale : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public string? CaseIdentifier { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>The lowest level that counts as mastery.</summary>
    public Guid? MasteryLevelId { get; set; }
    public int RowVersion { get; set; }
    public List<Level> Levels { get; set; } = [];
}
