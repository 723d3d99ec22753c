namespace Transcripts.Api.Features.Credentials;

/// <summary>Credential events: 5100–5199. Ids only; never names or credential content.</summary>
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "Credential {CredentialId} ({Kind}) issued with signing key {KeyId}")]
    public static partial void CredentialIssued(ILogger logger, Guid credentialId, string kind, Guid keyId);

    [LoggerMessage(5102, LogLevel.Information, "Credential {CredentialId} superseded by {NewCredentialId}")]
    public static partial void CredentialSuperseded(ILogger logger, Guid credentialId, Guid newCredentialId);

    [LoggerMessage(5103, LogLevel.Information, "Credential {CredentialId} status {Purpose} set to {Value}")]
    public static partial void StatusChanged(ILogger logger, Guid credentialId, string purpose, bool value);

    [LoggerMessage(5104, LogLevel.Information, "Credential {CredentialId} revoked because attainment {AttainmentId} was withdrawn or downgraded")]
    public static partial void CredentialRevokedWithAttainment(ILogger logger, Guid credentialId, Guid? attainmentId);
}
