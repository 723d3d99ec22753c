using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Batches;

/// <summary>Runs batches one after another in the background; on start it resumes every batch a stop left unfinished.</summary>
internal sealed class BatchRunner(BatchProcessor processor, IServiceScopeFactory scopes, ILogger<BatchRunner> logger) : BackgroundService
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid batchId) => _queue.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
            try
            {
                foreach (var id in await db.Batches.AsNoTracking().Where(b => b.FinishedAt == null).OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(stoppingToken))
                {
                    Log.BatchResumed(logger, id);
                    Enqueue(id);
                }
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                // Before the first migration there is no table yet: nothing to resume.
                Log.ResumeSkipped(logger, e.Message);
            }
        }
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await processor.RunAsync(id, progress: null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failing batch must not stop the service (a background service's exception stops the host). Its
                // committed learners stay; the rest stay pending and are resumed on the next start.
                Log.BatchAborted(logger, e, id);
            }
        }
    }
}
