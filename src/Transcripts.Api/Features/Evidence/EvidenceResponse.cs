using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Evidence;

internal sealed record EvidenceResponse(Guid Id, Guid LearnerId, EvidenceKind Kind, string Title, string? Narrative, string? Url,
    string? Sha256, string? MediaType, string? FileName, long? Size, DateTimeOffset CreatedAt)
{
    public static EvidenceResponse From(Data.Entities.Evidence e) =>
        new(e.Id, e.LearnerId, e.Kind, e.Title, e.Narrative, e.Url, e.FileSha256, e.MediaType, e.FileName, e.Size, e.CreatedAt);
}
