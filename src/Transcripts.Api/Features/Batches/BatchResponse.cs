using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Batches;

internal sealed record BatchResponse(Guid Id, int Total, int Done, int Issued, int Skipped, int Failed, bool IsFinished,
    IReadOnlyList<BatchResponse.Item> Items)
{
    public sealed record Item(Guid LearnerId, string Status, Guid? CredentialId, string? Reason);

    public static BatchResponse From(Batch batch, IReadOnlyList<BatchItem> items) => new(batch.Id, items.Count,
        items.Count(i => i.Status != BatchItemStatus.Pending), items.Count(i => i.Status == BatchItemStatus.Issued),
        items.Count(i => i.Status == BatchItemStatus.Skipped), items.Count(i => i.Status == BatchItemStatus.Failed), batch.FinishedAt is not null,
        items.Select(i => new Item(i.LearnerId, i.Status.ToString(), i.CredentialId, i.Reason)).ToList());
}
