namespace Transcripts.Api.Data.Entities;

internal enum BatchItemStatus
{
    Pending,
    Issued,
    Skipped,
    Failed,
}
