using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Records when a key was last used, to the minute: at most one UPDATE per key per <see cref="Interval"/> in this process
/// (a memory-cache entry throttles it), written in place without an audit event (the column is outside the audit state).
/// </summary>
internal static class ApiKeyUse
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static async Task RecordAsync(TranscriptsDb db, IMemoryCache cache, Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var marker = "api-key-used:" + keyId.ToString("N");
        if (cache.TryGetValue(marker, out DateTimeOffset last) && now - last < Interval)
        {
            return;
        }
        cache.Set(marker, now, Interval);
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Offset);
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, minute), cancellationToken);
    }
}
