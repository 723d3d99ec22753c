using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web;

internal static partial class Log
{
    [LoggerMessage(EventId = LogEvents.InvitationCreated, Level = LogLevel.Information, Message = "Invitation {InvitationId} created for the role {Role}")]
    public static partial void InvitationCreated(ILogger logger, Guid invitationId, string role);

    [LoggerMessage(EventId = LogEvents.InvitationAccepted, Level = LogLevel.Information, Message = "Invitation {InvitationId} accepted: account {PersonId}")]
    public static partial void InvitationAccepted(ILogger logger, Guid invitationId, Guid personId);

    [LoggerMessage(EventId = LogEvents.PersonSignedIn, Level = LogLevel.Information, Message = "Account {PersonId} signed in")]
    public static partial void PersonSignedIn(ILogger logger, Guid personId);

    [LoggerMessage(EventId = LogEvents.PersonSignInFailed, Level = LogLevel.Warning, Message = "A sign-in failed (locked out: {IsLockedOut})")]
    public static partial void PersonSignInFailed(ILogger logger, bool isLockedOut);
}
