using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// What revoking a signing key from a given time affects, before an admin confirms it: how many credentials this service
/// signed with the key before that time and from it on (and of those, how many are not revoked), and whether it is the
/// active key. By the trust rule (SECURITY.md), every credential counted here is on the issued-credentials list the revocation
/// publishes and stays valid, whichever side of the cut-off it falls; what fails from then on is anything signed by the key
/// that this service did not record. The ones signed from the cut-off on were signed while the key may have been in other
/// hands: they are the ones to check if the database itself may have been altered. Counts only; nothing is saved.
/// </summary>
internal static class PreviewSigningKeyRevocation
{
    public sealed record Request
    {
        /// <summary>When the compromise began, as <see cref="RevokeSigningKey.Request.RevokedAt"/>; not in the future. Default: now.</summary>
        public DateTimeOffset? RevokedAt { get; init; }
    }

    /// <param name="KeyId">The key.</param>
    /// <param name="IsActive">Whether it is the active key: nothing can be issued after its revocation until a rotation.</param>
    /// <param name="RevokedAt">The cut-off the counts are for: the time given, or now.</param>
    /// <param name="SignedBefore">Credentials this service signed with the key before the cut-off.</param>
    /// <param name="SignedFrom">Credentials this service signed with the key at or after the cut-off.</param>
    /// <param name="SignedFromInForce">Of <paramref name="SignedFrom"/>, those not revoked.</param>
    public sealed record Response(Guid KeyId, bool IsActive, DateTimeOffset RevokedAt, int SignedBefore, int SignedFrom, int SignedFromInForce)
    {
        public int Signed => SignedBefore + SignedFrom;
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/revocation-preview", Handle).WithName(nameof(PreviewSigningKeyRevocation))
            .WithSummary("How many credentials this service signed with a key before and after a compromise's start, before revoking it from then (admin); changes nothing")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id && k.InstitutionId == caller.InstitutionId, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("signing key", id);
        }
        if (key.RevokedAt is not null)
        {
            return Problems.SigningKeyRevoked(id);
        }
        var now = clock.GetUtcNow();
        if (request.RevokedAt > now)
        {
            return Problems.Validation(nameof(Request.RevokedAt), "The time of revocation cannot be in the future.");
        }
        var cutOff = request.RevokedAt ?? now;
        var signed = db.Credentials.AsNoTracking().Where(c => c.SigningKeyId == id);
        var before = await signed.CountAsync(c => c.IssuedAt < cutOff, cancellationToken);
        var from = await signed.CountAsync(c => c.IssuedAt >= cutOff, cancellationToken);
        var fromInForce = await signed.CountAsync(c => c.IssuedAt >= cutOff && c.RevokedAt == null, cancellationToken);
        return TypedResults.Ok(new Response(id, key.IsActive, cutOff, before, from, fromInForce));
    }
}
