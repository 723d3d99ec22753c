using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// Revokes an operator key (the caller's own included): refused here at once, by other instances within
/// <c>ApiKeys:CacheSeconds</c>. The service's last active operator key cannot be revoked, so the service is never left without
/// an operator; the check and the revocation are one write turn across every instance, so two operators revoking the last two
/// keys at once cannot both succeed.
/// </summary>
internal static partial class RevokeOperatorKey
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/revoke", Handle).WithName(nameof(RevokeOperatorKey))
            .WithSummary("Revoke an operator key; never the last active one (operator)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller, TimeProvider clock,
        IMemoryCache cache, ILogger<OperatorModule> logger, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginLockedWriteAsync(cancellationToken);
        var key = await db.OperatorKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("operator key", id);
        }
        if (key.RevokedAt is not null)
        {
            return Problems.OperatorKeyAlreadyRevoked(id, key.RevokedAt.Value);
        }
        if (!await db.OperatorKeys.AnyAsync(k => k.Id != id && k.RevokedAt == null, cancellationToken))
        {
            return Problems.LastOperatorKey(id);
        }
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        cache.Remove(KnownKeys.CacheKeyOf(key.Hash));
        LogRevoked(logger, id, caller.ApiKeyId);
        return TypedResults.NoContent();
    }

    [LoggerMessage(LogEvents.OperatorKeyRevoked, LogLevel.Warning, "Operator key {OperatorKeyId} revoked by operator key {ActorKeyId}")]
    private static partial void LogRevoked(ILogger logger, Guid operatorKeyId, Guid actorKeyId);
}
