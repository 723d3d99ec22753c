using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.StatusLists;

/// <summary>Status list events: 5200–5299.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.StatusListCreated, LogLevel.Information, "Status list {ListId} ({Purpose}) created for institution {InstitutionId}")]
    public static partial void ListCreated(ILogger logger, Guid listId, string purpose, Guid institutionId);

    [LoggerMessage(LogEvents.StatusListBitChanged, LogLevel.Information, "Status list {ListId} entry {Index} set to {Value}")]
    public static partial void BitChanged(ILogger logger, Guid listId, int index, bool value);

    [LoggerMessage(LogEvents.StatusListsResigned, LogLevel.Information, "Re-signed {Count} status lists of institution {InstitutionId} before they expire")]
    public static partial void ListsResigned(ILogger logger, Guid institutionId, int count);

    [LoggerMessage(LogEvents.StatusListsCannotResign, LogLevel.Warning, "Cannot re-sign {Count} status lists of institution {InstitutionId}: it has no usable signing key; they will expire")]
    public static partial void ResignSkipped(ILogger logger, Guid institutionId, int count);

    [LoggerMessage(LogEvents.StatusListsChangedWhileResigning, LogLevel.Information, "Status lists of institution {InstitutionId} changed while being re-signed; retried on the next pass")]
    public static partial void ResignConflict(ILogger logger, Guid institutionId);

    [LoggerMessage(LogEvents.StatusListResignFailed, LogLevel.Error, "The status list re-signing pass failed")]
    public static partial void ResignFailed(ILogger logger, Exception exception);
}
