using Transcripts.Api.Infrastructure;
namespace Transcripts.Api.Features.StatusLists;

/// <summary>Status list events: 5200–5299.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.StatusListCreated, LogLevel.Information, "Status list {ListId} ({Purpose}) created for institution {InstitutionId}")]
    public static partial void ListCreated(ILogger logger, Guid listId, string purpose, Guid institutionId);

    [LoggerMessage(LogEvents.StatusListBitChanged, LogLevel.Information, "Status list {ListId} entry {Index} set to {Value}")]
    public static partial void BitChanged(ILogger logger, Guid listId, int index, bool value);
}
