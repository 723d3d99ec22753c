namespace Transcripts.Api.Features.StatusLists;

/// <summary>Status list events: 5200–5299.</summary>
internal static partial class Log
{
    [LoggerMessage(5201, LogLevel.Information, "Status list {ListId} ({Purpose}) created for institution {InstitutionId}")]
    public static partial void ListCreated(ILogger logger, Guid listId, string purpose, Guid institutionId);

    [LoggerMessage(5202, LogLevel.Information, "Status list {ListId} entry {Index} set to {Value}")]
    public static partial void BitChanged(ILogger logger, Guid listId, int index, bool value);
}
