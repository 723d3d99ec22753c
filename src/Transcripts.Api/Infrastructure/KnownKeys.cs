using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Infrastructure;

/// <summary>What authentication needs to know of a key, and when this process read it from the database.</summary>
/// <param name="InstitutionId">The key's institution; null for an operator key, which belongs to none.</param>
/// <param name="InstitutionSuspendedAt">When the key's institution was suspended, if it is.</param>
internal sealed record KnownKey(Guid Id, Guid? InstitutionId, string Role, Guid? LearnerId, byte[] Hash, DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? InstitutionSuspendedAt, DateTimeOffset ReadAt);

/// <summary>
/// Looks keys up by the SHA-256 of their secret, institution keys first, then operator keys, and remembers what it read for at
/// most <see cref="ApiKeyOptions.CacheSeconds"/> of the service's clock. That is the bound on how long another instance sharing
/// the database may still accept a key revoked, or a key of an institution suspended, on this one: past it, the row is read
/// again. This process forgets a key at once when it revokes it or suspends its institution.
/// </summary>
internal static class KnownKeys
{
    public static string CacheKeyOf(byte[] hash) => "api-key:" + Convert.ToHexString(hash);

    public static async Task<KnownKey?> FindAsync(TranscriptsDb db, IMemoryCache cache, byte[] hash, ApiKeyOptions options,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bound = TimeSpan.FromSeconds(options.CacheSeconds);
        var cacheKey = CacheKeyOf(hash);
        // Judged by the service's clock, not only by the cache's own expiry, so the bound holds on the clock the service keeps.
        if (cache.TryGetValue(cacheKey, out KnownKey? known) && known is not null && now - known.ReadAt < bound && now >= known.ReadAt)
        {
            return known;
        }
        known = await ReadAsync(db, hash, now, cancellationToken);
        if (known is not null && options.CacheSeconds > 0)
        {
            cache.Set(cacheKey, known, bound);
        }
        return known;
    }

    /// <summary>Forgets every key of <paramref name="institutionId"/> in this process (its suspension must take effect here at once).</summary>
    public static async Task ForgetInstitutionAsync(TranscriptsDb db, IMemoryCache cache, Guid institutionId, CancellationToken cancellationToken)
    {
        foreach (var hash in await db.ApiKeys.AsNoTracking().Where(k => k.InstitutionId == institutionId).Select(k => k.Hash).ToListAsync(cancellationToken))
        {
            cache.Remove(CacheKeyOf(hash));
        }
    }

    private static async Task<KnownKey?> ReadAsync(TranscriptsDb db, byte[] hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash)
            .Join(db.Institutions, k => k.InstitutionId, i => i.Id, (k, i) => new KnownKey(k.Id, k.InstitutionId, k.Role, k.LearnerId, k.Hash,
                k.RevokedAt, k.ExpiresAt, i.SuspendedAt, now))
            .SingleOrDefaultAsync(cancellationToken);
        return key ?? await db.OperatorKeys.AsNoTracking().Where(k => k.Hash == hash)
            .Select(k => new KnownKey(k.Id, null, Roles.Operator, null, k.Hash, k.RevokedAt, null, null, now))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
