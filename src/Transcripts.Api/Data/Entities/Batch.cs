namespace Transcripts.Api.Data.Entities;

/// <summary>A background job issuing transcripts for many learners; one <see cref="BatchItem"/> per learner, committed one by one.</summary>
internal sealed class Batch : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InstitutionId { get; set; }
    public Guid CreatedByKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int RowVersion { get; set; }
}
