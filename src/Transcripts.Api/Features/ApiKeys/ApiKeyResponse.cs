using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.ApiKeys;

/// <summary>A key as listed: never its secret or hash.</summary>
internal sealed record ApiKeyResponse(Guid Id, string Name, string Role, Guid? LearnerId, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKey k) => new(k.Id, k.Name, k.Role, k.LearnerId, k.Prefix, k.CreatedAt, k.RevokedAt, k.ExpiresAt, k.LastUsedAt);
}
