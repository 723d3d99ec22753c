namespace Transcripts.Api.Features.Sharing;

/// <summary>Sharing events: 5400–5499. Never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(5401, LogLevel.Information, "Share link {ShareLinkId} created for {Count} credentials, expires {ExpiresAt}")]
    public static partial void ShareLinkCreated(ILogger logger, Guid shareLinkId, int count, DateTimeOffset expiresAt);

    [LoggerMessage(5402, LogLevel.Information, "Share link {ShareLinkId} withdrawn")]
    public static partial void ShareLinkWithdrawn(ILogger logger, Guid shareLinkId);

    [LoggerMessage(5403, LogLevel.Information, "Share link {ShareLinkId} opened")]
    public static partial void ShareLinkOpened(ILogger logger, Guid shareLinkId);
}
