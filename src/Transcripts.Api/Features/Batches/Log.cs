using Transcripts.Api.Infrastructure;
namespace Transcripts.Api.Features.Batches;

/// <summary>Batch events: 5500–5599.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.BatchStarted, LogLevel.Information, "Batch {BatchId} started with {Pending} pending learners")]
    public static partial void BatchStarted(ILogger logger, Guid batchId, int pending);

    [LoggerMessage(LogEvents.BatchFinished, LogLevel.Information, "Batch {BatchId} finished")]
    public static partial void BatchFinished(ILogger logger, Guid batchId);

    [LoggerMessage(LogEvents.BatchResumed, LogLevel.Information, "Batch {BatchId} picked up: it has learners no instance holds")]
    public static partial void BatchResumed(ILogger logger, Guid batchId);

    [LoggerMessage(LogEvents.BatchItemFailed, LogLevel.Warning, "Batch item {ItemId} failed: {Error}")]
    public static partial void ItemFailed(ILogger logger, Guid itemId, string error);

    [LoggerMessage(LogEvents.BatchAborted, LogLevel.Error, "Batch {BatchId} stopped by an unexpected error; its pending learners are claimed again once their claims lapse")]
    public static partial void BatchAborted(ILogger logger, Exception exception, Guid batchId);

    [LoggerMessage(LogEvents.BatchResumeSkipped, LogLevel.Debug, "Batch work was not looked for: {Reason}")]
    public static partial void ResumeSkipped(ILogger logger, string reason);

    [LoggerMessage(LogEvents.BatchLeaseLost, LogLevel.Warning, "Batch {BatchId}: another instance took over {Count} learners this one had claimed; they are left to it")]
    public static partial void LeaseLost(ILogger logger, Guid batchId, int count);

    [LoggerMessage(LogEvents.BatchLeaseRenewalFailed, LogLevel.Warning, "Batch {BatchId}: the claims on its learners could not be renewed; trying again at the next renewal")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, Guid batchId);
}
