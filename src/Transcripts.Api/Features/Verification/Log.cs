using Transcripts.Api.Infrastructure;
namespace Transcripts.Api.Features.Verification;

/// <summary>Public verification page events: 5400–5499. Anyone may open the page, so only the credential id is logged, never a name or token.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.VerificationPageViewed, LogLevel.Debug, "Verification page for credential {CredentialId}: found {IsFound}")]
    public static partial void PageViewed(ILogger logger, Guid credentialId, bool isFound);
}
