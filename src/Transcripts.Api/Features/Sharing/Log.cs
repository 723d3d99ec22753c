using Transcripts.Api.Infrastructure;
namespace Transcripts.Api.Features.Sharing;

/// <summary>Sharing events: 5400–5499. Never the token.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.ShareLinkCreated, LogLevel.Information, "Share link {ShareLinkId} created for {Count} credentials, expires {ExpiresAt}")]
    public static partial void ShareLinkCreated(ILogger logger, Guid shareLinkId, int count, DateTimeOffset expiresAt);

    [LoggerMessage(LogEvents.ShareLinkWithdrawn, LogLevel.Information, "Share link {ShareLinkId} withdrawn")]
    public static partial void ShareLinkWithdrawn(ILogger logger, Guid shareLinkId);

    [LoggerMessage(LogEvents.ShareLinkOpened, LogLevel.Information, "Share link {ShareLinkId} opened")]
    public static partial void ShareLinkOpened(ILogger logger, Guid shareLinkId);
}
