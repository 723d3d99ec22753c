namespace Transcripts.Api.Features.Batches;

/// <summary>Batch events: 5500–5599.</summary>
internal static partial class Log
{
    [LoggerMessage(5501, LogLevel.Information, "Batch {BatchId} started with {Pending} pending learners")]
    public static partial void BatchStarted(ILogger logger, Guid batchId, int pending);

    [LoggerMessage(5502, LogLevel.Information, "Batch {BatchId} finished")]
    public static partial void BatchFinished(ILogger logger, Guid batchId);

    [LoggerMessage(5503, LogLevel.Information, "Batch {BatchId} resumed after a stop")]
    public static partial void BatchResumed(ILogger logger, Guid batchId);

    [LoggerMessage(5504, LogLevel.Warning, "Batch item {ItemId} failed: {Error}")]
    public static partial void ItemFailed(ILogger logger, Guid itemId, string error);

    [LoggerMessage(5506, LogLevel.Error, "Batch {BatchId} stopped by an unexpected error; its pending learners are resumed on the next start")]
    public static partial void BatchAborted(ILogger logger, Exception exception, Guid batchId);

    [LoggerMessage(5505, LogLevel.Debug, "Unfinished batches were not looked for: {Reason}")]
    public static partial void ResumeSkipped(ILogger logger, string reason);
}
