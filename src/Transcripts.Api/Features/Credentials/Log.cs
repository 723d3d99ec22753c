using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

/// <summary>Credential events: 5100–5199. Ids only; never names or credential content.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.CredentialIssued, LogLevel.Information, "Credential {CredentialId} ({Kind}) issued with signing key {KeyId}")]
    public static partial void CredentialIssued(ILogger logger, Guid credentialId, string kind, Guid keyId);

    [LoggerMessage(LogEvents.CredentialSuperseded, LogLevel.Information, "Credential {CredentialId} superseded by {NewCredentialId}")]
    public static partial void CredentialSuperseded(ILogger logger, Guid credentialId, Guid newCredentialId);

    [LoggerMessage(LogEvents.CredentialStatusChanged, LogLevel.Information, "Credential {CredentialId} status {Purpose} set to {Value}")]
    public static partial void StatusChanged(ILogger logger, Guid credentialId, string purpose, bool value);

    [LoggerMessage(LogEvents.CredentialRevokedForAttainment, LogLevel.Information, "Credential {CredentialId} revoked because attainment {AttainmentId} was withdrawn or downgraded")]
    public static partial void CredentialRevokedWithAttainment(ILogger logger, Guid credentialId, Guid? attainmentId);
}
