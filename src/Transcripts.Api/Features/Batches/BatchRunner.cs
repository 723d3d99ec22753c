using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// Runs batches one after another in the background: a batch created here at once, and every
/// <see cref="BatchOptions.PollInterval"/> any unfinished batch with learners no instance holds (created on another
/// instance, or left by one that died once its claims lapsed). Work is claimed learner by learner, so instances that
/// find the same batch share it instead of issuing anyone twice; nothing is resumed just because it is unfinished.
/// </summary>
internal sealed class BatchRunner(BatchProcessor processor, IServiceScopeFactory scopes, IOptions<BatchOptions> options,
    TimeProvider clock, ILogger<BatchRunner> logger) : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid batchId) => _queue.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var work = new List<Guid>();
            while (_queue.Reader.TryRead(out var id))
            {
                work.Add(id);
            }
            foreach (var id in await FindClaimableAsync(stoppingToken))
            {
                if (!work.Contains(id))
                {
                    Log.BatchResumed(logger, id);
                    work.Add(id);
                }
            }
            foreach (var id in work)
            {
                await RunAsync(id, stoppingToken);
            }
            try
            {
                // A mechanical cadence, in real time whatever the service clock says; a batch created here wakes it at once.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(options.Value.PollInterval, TimeProvider.System, wait.Token);
                await Task.WhenAny(delay, _queue.Reader.WaitToReadAsync(wait.Token).AsTask());
                await wait.CancelAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        try
        {
            await processor.RunAsync(id, progress: null, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing batch must not stop the service (a background service's exception stops the host). Its committed
            // learners stay; the rest stay pending, and are claimed again once this instance's claims lapse.
            Log.BatchAborted(logger, e, id);
        }
    }

    private async Task<List<Guid>> FindClaimableAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        try
        {
            foreach (var done in await BatchClaims.DoneButOpenAsync(db, stoppingToken))
            {
                await BatchProcessor.FinishAsync(scopes, done, stoppingToken);
            }
            return await BatchClaims.ClaimableBatchesAsync(db, clock.GetUtcNow(), stoppingToken);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // Before the first migration there is no table yet: nothing to pick up.
            Log.ResumeSkipped(logger, e.Message);
            return [];
        }
    }
}
