using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.ApiKeys;

internal static partial class RevokeApiKey
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/revoke", Handle).WithName("RevokeKey")
            .WithSummary("Revoke an API key; it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, IMemoryCache cache, ILogger<ApiKeyAuthentication> logger, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id && k.InstitutionId == caller.InstitutionId, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound("API key", id);
        }
        if (key.RevokedAt is not null)
        {
            return Problems.ApiKeyAlreadyRevoked(id, key.RevokedAt.Value);
        }
        key.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(ApiKeyAuthentication.CacheKeyOf(key.Hash));
        LogRevoked(logger, id, caller.ApiKeyId);
        return TypedResults.NoContent();
    }

    [LoggerMessage(LogEvents.ApiKeyRevoked, LogLevel.Information, "API key {KeyId} revoked by key {ActorKeyId}")]
    private static partial void LogRevoked(ILogger logger, Guid keyId, Guid actorKeyId);
}
