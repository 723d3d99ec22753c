using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.StatusLists;

/// <summary>
/// Re-signs status lists on a timer, so each published list always carries a <c>validUntil</c> in the future even when no
/// bit changes: every <see cref="StatusListOptions.CheckEvery"/>, each list signed more than
/// <see cref="StatusListOptions.ResignAfter"/> ago is signed again with the institution's active key. A list changed by a
/// request meanwhile fails its version check and is left to the next pass; an institution that cannot sign (no
/// key-encryption key, every key revoked) is logged and skipped. When several instances share one database, only the one
/// that leads the job (<see cref="ClusterLeadership"/>) re-signs.
/// </summary>
internal sealed class StatusListResigner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<StatusListOptions> options,
    ClusterLeadership leadership, ILogger<StatusListResigner> logger) : BackgroundService
{
    /// <summary>The job's name in <see cref="ClusterLeadership"/>.</summary>
    public const string Job = "status-list-resign";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (options.Value.ResignInBackground && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await leadership.LeadsAsync(Job, stoppingToken))
                {
                    await ResignDueAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                Log.ResignFailed(logger, e);
            }
            try
            {
                await Task.Delay(options.Value.CheckEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: re-signs every list due at the clock's now; returns how many were re-signed.</summary>
    public async Task<int> ResignDueAsync(CancellationToken cancellationToken)
    {
        var due = clock.GetUtcNow() - options.Value.ResignAfter;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        // Compared in memory: SQLite cannot order DateTimeOffset columns, and the number of lists is small.
        var lists = await db.StatusLists.AsNoTracking().Select(l => new { l.Id, l.InstitutionId, l.UpdatedAt }).ToListAsync(cancellationToken);
        var resigned = 0;
        foreach (var group in lists.Where(l => l.UpdatedAt <= due).GroupBy(l => l.InstitutionId))
        {
            resigned += await ResignAsync(scope.ServiceProvider, group.Key, group.Select(l => l.Id).ToList(), cancellationToken);
        }
        return resigned;
    }

    private async Task<int> ResignAsync(IServiceProvider services, Guid institutionId, List<Guid> listIds, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TranscriptsDb>();
        var keys = services.GetRequiredService<SigningKeyService>();
        var statusLists = services.GetRequiredService<StatusListService>();
        db.ChangeTracker.Clear();
        if (!keys.CanSign || await keys.ActiveKeyAsync(institutionId, cancellationToken) is null)
        {
            Log.ResignSkipped(logger, institutionId, listIds.Count);
            return 0;
        }
        var (signer, _) = await keys.OpenSignerAsync(db, institutionId, clock, cancellationToken);
        if (signer is null)
        {
            Log.ResignSkipped(logger, institutionId, listIds.Count);
            return 0;
        }
        using (signer)
        {
            var count = await statusLists.ResignAsync(signer, listIds, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A request changed one of these lists (and so re-signed it) meanwhile; the next pass looks again.
                Log.ResignConflict(logger, institutionId);
                db.ChangeTracker.Clear();
                return 0;
            }
            Log.ListsResigned(logger, institutionId, count);
            return count;
        }
    }
}
