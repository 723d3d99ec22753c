using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>A signing key as the API shows it: public part and dates only.</summary>
internal sealed record SigningKeyResponse(Guid Id, string KeyType, string PublicKeyMultibase, bool IsActive,
    DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, DateTimeOffset? RevokedAt, string? RevocationReason)
{
    public static SigningKeyResponse From(SigningKey k) =>
        new(k.Id, k.KeyType, k.PublicKeyMultibase, k.IsActive, k.CreatedAt, k.RetiredAt, k.RevokedAt, k.RevocationReason);
}
