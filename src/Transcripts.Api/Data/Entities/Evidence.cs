namespace Transcripts.Api.Data.Entities;

/// <summary>A narrative, a link or an uploaded file (stored once by SHA-256 under the data folder).</summary>
internal sealed class Evidence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid LearnerId { get; set; }
    public EvidenceKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Narrative { get; set; }
    public string? Url { get; set; }
    public string? FileSha256 { get; set; }
    public string? MediaType { get; set; }
    public string? FileName { get; set; }
    public long? Size { get; set; }
    public Guid CreatedByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
