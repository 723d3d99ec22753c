using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Signing;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// Works through a batch's pending learners as a pipeline. A planner reads the learners' facts a chunk at a time and
/// reserves their status-list indexes; each learner's credentials are then built and signed on a thread of its own, up to
/// <see cref="BatchOptions.LearnersInFlight"/> ahead; one writer saves the learners in order. Each learner's credentials,
/// status-list counts and the item's new state are one save (one transaction), so a crash loses at most the learners in
/// flight, and a re-run skips every learner whose current transcript already covers the same attainments. Just before
/// its save, a learner whose signing key is no longer active, or whose active credentials changed, is planned and signed
/// again from fresh reads, as is one whose save lost to a concurrent write.
/// </summary>
internal sealed class BatchProcessor(IServiceScopeFactory scopes, IOptions<BatchOptions> options, ILogger<BatchProcessor> logger)
{
    // Learners whose facts are read together; a signer is opened per chunk, so a changed key or setting is seen within one.
    private const int ChunkSize = 50;

    public Task RunAsync(Guid batchId, Action<BatchItem>? progress, CancellationToken cancellationToken) =>
        RunAsync(batchId, progress, times: null, cancellationToken);

    public async Task RunAsync(Guid batchId, Action<BatchItem>? progress, BatchStageTimes? times, CancellationToken cancellationToken)
    {
        Guid institutionId;
        List<Guid> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
            institutionId = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => b.InstitutionId).SingleAsync(cancellationToken);
            pending = await db.BatchItems.AsNoTracking().Where(i => i.BatchId == batchId && i.Status == BatchItemStatus.Pending)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }
        Log.BatchStarted(logger, batchId, pending.Count);
        using var run = new BatchRun(institutionId, times);
        var queue = Channel.CreateBounded<Task<PreparedItem>>(new BoundedChannelOptions(options.Value.LearnersInFlight)
        {
            SingleReader = true, SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var planning = Task.Run(() => PlanAsync(pending, run, queue.Writer, stop.Token), CancellationToken.None);
        try
        {
            var writer = new BatchItemWriter(scopes, run, logger);
            await foreach (var prepared in queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var item = await writer.SaveAsync(await prepared, cancellationToken);
                progress?.Invoke(item);
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
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
            var batch = await db.Batches.SingleAsync(b => b.Id == batchId, cancellationToken);
            batch.FinishedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        Log.BatchFinished(logger, batchId);
    }

    private async Task PlanAsync(List<Guid> pending, BatchRun run, ChannelWriter<Task<PreparedItem>> queue, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var chunk in pending.Chunk(ChunkSize))
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<TranscriptsDb>();
                var started = Stopwatch.GetTimestamp();
                var (signer, problem) = await run.OpenSignerAsync(services, db, isShared: true, cancellationToken);
                var facts = await run.Facts.ReadAsync(db, chunk, cancellationToken);
                run.Times?.Add(BatchStage.Read, Stopwatch.GetTimestamp() - started);
                foreach (var learner in facts)
                {
                    started = Stopwatch.GetTimestamp();
                    var plan = await TranscriptPlan.CreateAsync(learner, signer, problem, db, services.GetRequiredService<StatusListService>(),
                        run.Allocator, cancellationToken);
                    run.Times?.Add(BatchStage.Read, Stopwatch.GetTimestamp() - started);
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
    public static PreparedItem Sign(TranscriptPlan plan, BatchStageTimes? times)
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
