using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// Works through a batch's pending learners as a pipeline, together with any other instance sharing the database. A
/// planner claims a chunk of learners no instance holds (<see cref="BatchClaims"/>), reads their facts and reserves their
/// status-list indexes; each learner's credentials are then built and signed on a thread of its own, up to
/// <see cref="BatchOptions.LearnersInFlight"/> ahead; one writer saves the learners in order. Each learner's credentials,
/// status-list counts and the item's new state are one save (one transaction), so a crash loses at most the learners in
/// flight, whose claims lapse after <see cref="BatchOptions.LeaseDuration"/> and are taken up by whichever instance
/// claims next; a re-run skips every learner whose current transcript already covers the same attainments. Just before
/// its save, a learner whose claim another instance has taken over is left to it; one whose signing key is no longer
/// active, or whose active credentials changed, is planned and signed again from fresh reads, as is one whose save lost
/// to a concurrent write. The run ends when no learner of the batch is pending (it waits for learners other instances
/// hold); a stop gives back the learners this instance still holds. While it works, the run renews its claims every third
/// of the lease (<see cref="BatchLeases"/>), so a slow chunk is not taken over, and leaves alone any learner it lost.
/// </summary>
internal sealed class BatchProcessor(IServiceScopeFactory scopes, IOptions<BatchOptions> options, ServiceInstance instance,
    ILogger<BatchProcessor> logger)
{
    // Learners claimed and read together; a signer is opened per chunk, so a changed key or setting is seen within one.
    private const int ChunkSize = 50;

    /// <summary>A test seam: run before each renewal of this processor's claims; what it throws fails that renewal.</summary>
    internal Func<CancellationToken, Task>? BeforeLeaseRenewal { get; init; }

    public Task RunAsync(Guid batchId, Action<BatchItem>? progress, CancellationToken cancellationToken) =>
        RunAsync(batchId, progress, times: null, cancellationToken);

    public async Task RunAsync(Guid batchId, Action<BatchItem>? progress, IssuanceTimes? times, CancellationToken cancellationToken)
    {
        Guid institutionId;
        int pending;
        TimeProvider clock;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
            institutionId = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.InstitutionId).SingleAsync(cancellationToken);
            pending = await PendingAsync(db, batchId, cancellationToken);
            clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        }
        Log.BatchStarted(logger, batchId, pending);
        await using var leases = new BatchLeases(scopes, batchId, instance.Id, options.Value.LeaseDuration, clock, logger, BeforeLeaseRenewal);
        using var run = new BatchRun(institutionId, instance.Id, times) { Leases = leases };
        try
        {
            while (true)
            {
                await WorkAsync(batchId, run, progress, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
                if (await PendingAsync(db, batchId, cancellationToken) == 0)
                {
                    break;
                }
                // Other instances hold the rest: wait, then claim what they finished without (a lapsed claim) or check again.
                await Task.Delay(options.Value.PollInterval, TimeProvider.System, cancellationToken);
            }
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await using var scope = scopes.CreateAsyncScope();
                await BatchClaims.ReleaseAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), batchId, run.Instance, CancellationToken.None);
            }
        }
        await FinishAsync(scopes, batchId, cancellationToken);
        Log.BatchFinished(logger, batchId);
    }

    /// <summary>Marks a batch with no pending learner finished (once: a second instance finishing it too changes nothing).</summary>
    public static async Task FinishAsync(IServiceScopeFactory scopes, Guid batchId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        await using var write = await db.BeginLockedWriteAsync(cancellationToken);
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId, cancellationToken);
        if (batch.FinishedAt is not null || await PendingAsync(db, batchId, cancellationToken) > 0)
        {
            return;
        }
        batch.FinishedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
    }

    private static Task<int> PendingAsync(TranscriptsDb db, Guid batchId, CancellationToken cancellationToken) =>
        db.BatchItems.AsNoTracking().CountAsync(i => i.BatchId == batchId && i.Status == BatchItemStatus.Pending, cancellationToken);

    /// <summary>Claims, signs and saves chunks of the batch until no learner is left to claim.</summary>
    private async Task WorkAsync(Guid batchId, BatchRun run, Action<BatchItem>? progress, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<Task<PreparedItem>>(new BoundedChannelOptions(options.Value.LearnersInFlight)
        {
            SingleReader = true, SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var planning = Task.Run(() => PlanAsync(batchId, run, queue.Writer, stop.Token), CancellationToken.None);
        try
        {
            var writer = new BatchItemWriter(scopes, run, logger);
            await foreach (var prepared in queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (await writer.SaveAsync(await prepared, cancellationToken) is { } item)
                {
                    progress?.Invoke(item);
                }
                if (options.Value.PauseBetweenItems > TimeSpan.Zero)
                {
                    await Task.Delay(options.Value.PauseBetweenItems, cancellationToken);
                }
            }
            await planning;
        }
        finally
        {
            // Nothing may still be signing when the signers are disposed (their keys zeroed).
            await stop.CancelAsync();
            await planning.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (queue.Reader.TryRead(out var left))
            {
                await ((Task)left).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PlanAsync(Guid batchId, BatchRun run, ChannelWriter<Task<PreparedItem>> queue, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<TranscriptsDb>();
                var started = Stopwatch.GetTimestamp();
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var chunk = await BatchClaims.ClaimAsync(db, batchId, run.Instance, now, now + options.Value.LeaseDuration, ChunkSize, cancellationToken);
                if (chunk.Count == 0)
                {
                    return;
                }
                run.Leases?.Hold(chunk);
                var (signer, problem) = await run.OpenSignerAsync(services, db, isShared: true, cancellationToken);
                var facts = await run.Facts.ReadAsync(db, chunk, cancellationToken);
                run.Times?.Add(IssuanceStage.Read, Stopwatch.GetTimestamp() - started);
                foreach (var learner in facts)
                {
                    if (run.Leases?.Holds(learner.ItemId) == false)
                    {
                        continue;   // another instance took this learner over while this chunk waited
                    }
                    started = Stopwatch.GetTimestamp();
                    var plan = await TranscriptPlan.CreateAsync(learner, TranscriptScope.Full, signer, problem, db, services.GetRequiredService<StatusListService>(),
                        run.Allocator, cancellationToken);
                    run.Times?.Add(IssuanceStage.Read, Stopwatch.GetTimestamp() - started);
                    // A thread of its own, not the pool's: the writer's continuations must not queue behind signing.
                    var signing = Task.Factory.StartNew(() => PreparedItem.Sign(plan, run.Times), CancellationToken.None,
                        TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    try
                    {
                        await queue.WriteAsync(signing, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        await ((Task)signing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                        throw;
                    }
                }
            }
        }
        finally
        {
            queue.TryComplete();
        }
    }
}

/// <summary>A plan after signing: its signed credentials, or the signing error that fails the learner.</summary>
internal sealed record PreparedItem(TranscriptPlan Plan, SignedTranscript? Signed, SigningException? Error)
{
    public static PreparedItem Sign(TranscriptPlan plan, IssuanceTimes? times)
    {
        if (!plan.Issues)
        {
            return new PreparedItem(plan, null, null);
        }
        try
        {
            return new PreparedItem(plan, plan.Sign(times), null);
        }
        catch (SigningException e)
        {
            return new PreparedItem(plan, null, e);
        }
    }
}
