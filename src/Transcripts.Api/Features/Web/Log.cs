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

    [LoggerMessage(EventId = LogEvents.PersonSignedInWithPasskey, Level = LogLevel.Information, Message = "Account {PersonId} signed in with a passkey")]
    public static partial void PersonSignedInWithPasskey(ILogger logger, Guid personId);

    [LoggerMessage(EventId = LogEvents.PersonPasskeySignInFailed, Level = LogLevel.Warning, Message = "A passkey sign-in failed (locked out: {IsLockedOut})")]
    public static partial void PersonPasskeySignInFailed(ILogger logger, bool isLockedOut);

    [LoggerMessage(EventId = LogEvents.PasskeyRefused, Level = LogLevel.Warning, Message = "A new passkey was refused: {Reason}")]
    public static partial void PasskeyRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.AccountChanged, Level = LogLevel.Information, Message = "Account {PersonId} changed its sign-in methods ({Change})")]
    public static partial void AccountChanged(ILogger logger, Guid personId, string change);

    [LoggerMessage(EventId = LogEvents.PersonSignedInWithSchool, Level = LogLevel.Information, Message = "Account {PersonId} signed in with the school's identity provider {Provider}")]
    public static partial void PersonSignedInWithSchool(ILogger logger, Guid personId, string provider);

    [LoggerMessage(EventId = LogEvents.SchoolSignInRefused, Level = LogLevel.Warning, Message = "A sign-in with the school's identity provider {Provider} was refused: {Reason}")]
    public static partial void SchoolSignInRefused(ILogger logger, string provider, string reason);
}
