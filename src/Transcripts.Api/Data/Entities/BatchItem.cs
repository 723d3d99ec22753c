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

    /// <summary>The service instance working this pending learner (its claim), or null when no instance holds it.</summary>
    public string? LeasedBy { get; set; }

    /// <summary>
    /// When the claim lapses, in Unix milliseconds of the service clock: after it another instance may claim the learner
    /// (the holder died). A number, not a <see cref="DateTimeOffset"/>, so the claim's SQL compares it the same way on both
    /// databases.
    /// </summary>
    public long? LeaseExpiresAt { get; set; }
}
