using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// Marks a compromised key revoked from the time its compromise began (default now) and destroys its private key. From then
/// on a proof by it counts only for a credential on the institution's list of what it really signed, which is published here
/// signed with the active key (or, when the revoked key was the active one, as soon as a new key is created). The DID document
/// and trust bundle publish <c>revoked</c>. See SECURITY.md for the whole procedure.
/// </summary>
internal static class RevokeSigningKey
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 3)]
        public required string Reason { get; init; }

        /// <summary>When the compromise began (the earliest moment the key may have been in other hands); not in the future. Default: now.</summary>
        public DateTimeOffset? RevokedAt { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/revoke", Handle).WithName(nameof(RevokeSigningKey))
            .WithSummary("Revoke a compromised signing key as of a time")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<SigningKeyResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, SigningKeyService keys, [FromServices] IEnumerable<ISignedWithActiveKey> signed, TimeProvider clock,
        ILogger<SigningKeyService> logger, CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.SingleOrDefaultAsync(k => k.Id == id && k.InstitutionId == caller.InstitutionId, cancellationToken);
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
        key.RevokedAt = request.RevokedAt ?? now;
        key.RevocationReason = request.Reason;
        SigningKeyService.Destroy(key);
        var (signer, _) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
        if (signer is not null)
        {
            using (signer)
            {
                await keys.PublishIssuedCredentialsAsync(signer, cancellationToken);
                foreach (var documents in signed)
                {
                    await documents.ResignAllAsync(signer, cancellationToken);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        Log.KeyRevoked(logger, key.Id, key.RevokedAt.Value, caller.InstitutionId);
        return TypedResults.Ok(SigningKeyResponse.From(key));
    }
}
