namespace Transcripts.Api.Data.Entities;

internal sealed class BatchItem : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public Guid LearnerId { get; set; }
    public BatchItemStatus Status { get; set; }
    public Guid? CredentialId { get; set; }
    public string? Reason { get; set; }
    public int RowVersion { get; set; }
}
