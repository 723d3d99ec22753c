using Transcripts.Api.Infrastructure;
namespace Transcripts.Api.Features.SigningKeys;

/// <summary>Signing-key events: 5000–5099. Ids and key types only; never key material.</summary>
internal static partial class Log
{
    [LoggerMessage(LogEvents.SigningKeyCreated, LogLevel.Information, "Signing key {KeyId} ({KeyType}) created for institution {InstitutionId}")]
    public static partial void KeyCreated(ILogger logger, Guid keyId, string keyType, Guid institutionId);

    [LoggerMessage(LogEvents.SigningKeyRetired, LogLevel.Information, "Signing key {KeyId} retired for institution {InstitutionId}")]
    public static partial void KeyRetired(ILogger logger, Guid keyId, Guid institutionId);

    [LoggerMessage(LogEvents.SigningKeyRevoked, LogLevel.Warning, "Signing key {KeyId} revoked as of {RevokedAt} for institution {InstitutionId}")]
    public static partial void KeyRevoked(ILogger logger, Guid keyId, DateTimeOffset revokedAt, Guid institutionId);

    [LoggerMessage(LogEvents.IssuedCredentialsPublished, LogLevel.Information, "Published the list of {Count} credentials really signed by revoked key {KeyId} for institution {InstitutionId}")]
    public static partial void IssuedCredentialsPublished(ILogger logger, Guid keyId, int count, Guid institutionId);

    [LoggerMessage(LogEvents.DemoKekCreated, LogLevel.Warning, "Demo mode: no key-encryption key was configured, so one was written to {Path}. Configure Signing:KeyEncryptionKey or Signing:KeyEncryptionKeyFile for real use.")]
    public static partial void DemoKekCreated(ILogger logger, string path);
}
