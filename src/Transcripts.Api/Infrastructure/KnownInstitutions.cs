using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Whether an institution is in force (exists, not suspended), as the web pages' policies ask on every request, remembered
/// for at most <see cref="ApiKeyOptions.CacheSeconds"/> of the service's clock, exactly as <see cref="KnownKeys"/> remembers
/// a key and its institution's suspension: that is the bound on how long a suspension made on another instance sharing the
/// database leaves a session of the institution's people open here. This process forgets an institution at once when it
/// suspends or reinstates it. 0 reads the row on every request.
/// </summary>
internal static class KnownInstitutions
{
    private sealed record State(bool IsInForce, DateTimeOffset ReadAt);

    public static string CacheKeyOf(Guid institutionId) => "institution-in-force:" + institutionId.ToString("N");

    public static async Task<bool> IsInForceAsync(TranscriptsDb db, IMemoryCache cache, Guid institutionId, ApiKeyOptions options,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bound = TimeSpan.FromSeconds(options.CacheSeconds);
        var cacheKey = CacheKeyOf(institutionId);
        // Judged by the service's clock, not only by the cache's own expiry, so the bound holds on the clock the service keeps.
        if (cache.TryGetValue(cacheKey, out State? known) && known is not null && now - known.ReadAt < bound && now >= known.ReadAt)
        {
            return known.IsInForce;
        }
        var inForce = await db.Institutions.AnyAsync(i => i.Id == institutionId && i.SuspendedAt == null, cancellationToken);
        if (options.CacheSeconds > 0)
        {
            cache.Set(cacheKey, new State(inForce, now), bound);
        }
        return inForce;
    }

    /// <summary>Forgets <paramref name="institutionId"/>'s state in this process (its suspension or reinstatement takes effect here at once).</summary>
    public static void Forget(IMemoryCache cache, Guid institutionId) => cache.Remove(CacheKeyOf(institutionId));
}
