namespace Transcripts.Api.Data.Entities;

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
