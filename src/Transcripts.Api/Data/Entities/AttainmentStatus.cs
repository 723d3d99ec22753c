namespace Transcripts.Api.Data.Entities;

internal enum AttainmentStatus
{
    InProgress,
    Attained,
    Withdrawn,
}
