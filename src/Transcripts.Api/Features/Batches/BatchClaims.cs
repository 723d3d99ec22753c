using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// Batch learners are claimed, not assumed: an instance takes a chunk of a batch's pending learners that no instance holds
/// (or whose holder's claim lapsed) in one statement, so two instances never take the same learner. On PostgreSQL the
/// chunk's rows are locked with <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at once take different rows without
/// waiting for each other; on SQLite the conditional UPDATE is atomic. A claim is coordination, not a record: it is written
/// in place, outside the audit chain. While an instance works a chunk it renews its claims (<see cref="BatchLeases"/>).
/// </summary>
internal static class BatchClaims
{
    /// <summary>Claims up to <paramref name="count"/> pending learners of the batch for <paramref name="instance"/> until <paramref name="until"/>; returns their item ids in order.</summary>
    public static async Task<List<Guid>> ClaimAsync(TranscriptsDb db, Guid batchId, string instance, DateTimeOffset now, DateTimeOffset until,
        int count, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var untilMs = until.ToUnixTimeMilliseconds();
        var pending = nameof(BatchItemStatus.Pending);
        var claimed = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<Guid>($"""
                UPDATE "BatchItems" SET "LeasedBy" = {instance}, "LeaseExpiresAt" = {untilMs}
                WHERE "Id" IN (SELECT "Id" FROM "BatchItems"
                               WHERE "BatchId" = {batchId} AND "Status" = {pending} AND ("LeasedBy" IS NULL OR "LeaseExpiresAt" < {nowMs})
                               ORDER BY "Id" LIMIT {count} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """)
            : db.Database.SqlQuery<Guid>($"""
                UPDATE "BatchItems" SET "LeasedBy" = {instance}, "LeaseExpiresAt" = {untilMs}
                WHERE "Id" IN (SELECT "Id" FROM "BatchItems"
                               WHERE "BatchId" = {batchId} AND "Status" = {pending} AND ("LeasedBy" IS NULL OR "LeaseExpiresAt" < {nowMs})
                               ORDER BY "Id" LIMIT {count})
                RETURNING "Id" AS "Value"
                """);
        var ids = await claimed.ToListAsync(cancellationToken);
        ids.Sort();
        return ids;
    }

    /// <summary>
    /// Extends to <paramref name="until"/> the claims <paramref name="instance"/> holds on the batch's pending learners, lapsed
    /// ones included as long as no other instance has taken them; returns the learners renewed. One statement: a learner another
    /// instance claims at the same moment is either renewed here first (and so not claimable there) or is theirs.
    /// </summary>
    public static async Task<List<Guid>> RenewAsync(TranscriptsDb db, Guid batchId, string instance, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        var untilMs = until.ToUnixTimeMilliseconds();
        var pending = nameof(BatchItemStatus.Pending);
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE "BatchItems" SET "LeaseExpiresAt" = {untilMs}
            WHERE "BatchId" = {batchId} AND "LeasedBy" = {instance} AND "Status" = {pending}
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>How many of <paramref name="itemIds"/> another instance holds now, or saved.</summary>
    public static Task<int> TakenOverAsync(TranscriptsDb db, Guid batchId, string instance, List<Guid> itemIds, CancellationToken cancellationToken) =>
        db.BatchItems.AsNoTracking().CountAsync(i => i.BatchId == batchId && itemIds.Contains(i.Id) && i.LeasedBy != instance, cancellationToken);

    /// <summary>Gives back the batch's learners <paramref name="instance"/> still holds (a graceful stop); returns how many.</summary>
    public static Task<int> ReleaseAsync(TranscriptsDb db, Guid batchId, string instance, CancellationToken cancellationToken) =>
        db.BatchItems.Where(i => i.BatchId == batchId && i.LeasedBy == instance && i.Status == BatchItemStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeasedBy, (string?)null).SetProperty(i => i.LeaseExpiresAt, (long?)null), cancellationToken);

    /// <summary>Unfinished batches with learners no instance holds now: what an instance may pick up.</summary>
    public static Task<List<Guid>> ClaimableBatchesAsync(TranscriptsDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var open = db.Batches.AsNoTracking().Where(b => b.FinishedAt == null).Select(b => b.Id);
        return db.BatchItems.AsNoTracking()
            .Where(i => open.Contains(i.BatchId) && i.Status == BatchItemStatus.Pending && (i.LeasedBy == null || i.LeaseExpiresAt < nowMs))
            .Select(i => i.BatchId).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
    }

    /// <summary>Unfinished batches with no pending learner left (their last instance stopped before marking them finished).</summary>
    public static Task<List<Guid>> DoneButOpenAsync(TranscriptsDb db, CancellationToken cancellationToken) =>
        db.Batches.AsNoTracking().Where(b => b.FinishedAt == null
                && !db.BatchItems.Any(i => i.BatchId == b.Id && i.Status == BatchItemStatus.Pending))
            .OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
}
