using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Operator;

/// <summary>An operator key as listed: never its secret or hash.</summary>
internal sealed record OperatorKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static OperatorKeyResponse From(OperatorKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt);
}
