using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Credentials;

internal sealed record CredentialResponse(Guid Id, string Kind, Guid? LearnerId, Guid? AttainmentId, DateTimeOffset IssuedAt, string Sha256,
    bool IsRevoked, string? RevocationReason, bool IsSuspended, Guid? SupersededById, string Url)
{
    public static CredentialResponse From(Credential c) => new(c.Id, c.Kind.ToString(), c.LearnerId, c.AttainmentId, c.IssuedAt, c.Sha256,
        c.RevokedAt is not null, c.RevocationReason, c.IsSuspended, c.SupersededById, $"/credentials/{c.Id}");
}
