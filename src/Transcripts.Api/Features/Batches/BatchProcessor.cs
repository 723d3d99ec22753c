using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Signing;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// Works through a batch's pending learners. Each learner's transcript, its status-list allocations and the item's new
/// state are one save (one transaction), so a crash loses at most the learner in progress, and a re-run skips every
/// learner whose current transcript already covers the same attainments.
/// </summary>
internal sealed class BatchProcessor(IServiceScopeFactory scopes, IOptions<BatchOptions> options, ILogger<BatchProcessor> logger)
{
    public async Task RunAsync(Guid batchId, Action<BatchItem>? progress, CancellationToken cancellationToken)
    {
        List<Guid> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
            pending = await db.BatchItems.AsNoTracking().Where(i => i.BatchId == batchId && i.Status == BatchItemStatus.Pending)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        }
        Log.BatchStarted(logger, batchId, pending.Count);
        foreach (var itemId in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = await ProcessAsync(itemId, cancellationToken);
            progress?.Invoke(item);
            if (options.Value.PauseBetweenItems > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.PauseBetweenItems, cancellationToken);
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

    private async Task<BatchItem> ProcessAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TranscriptsDb>();
        try
        {
            return await StatusListService.RetryOnConflictAsync(db, async () =>
            {
                var item = await db.BatchItems.SingleAsync(i => i.Id == itemId, cancellationToken);
                var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == item.BatchId, cancellationToken);
                var learner = await db.Learners.AsNoTracking().SingleAsync(l => l.Id == item.LearnerId, cancellationToken);
                var attainments = await db.Attainments.AsNoTracking()
                    .Where(a => a.LearnerId == learner.Id && a.Status == AttainmentStatus.Attained && a.LevelId != null).ToListAsync(cancellationToken);
                if (attainments.Count == 0)
                {
                    item.Status = BatchItemStatus.Skipped;
                    item.Reason = "The learner has no attained competencies.";
                }
                else
                {
                    var (signer, problem) = await services.GetRequiredService<SigningKeyService>()
                        .OpenSignerAsync(db, batch.InstitutionId, services.GetRequiredService<TimeProvider>(), cancellationToken);
                    if (signer is null)
                    {
                        item.Status = BatchItemStatus.Failed;
                        item.Reason = problem!.ProblemDetails.Detail;
                    }
                    else
                    {
                        using (signer)
                        {
                            var (credential, isNew) = await services.GetRequiredService<CredentialIssuer>()
                                .IssueTranscriptAsync(signer, learner, attainments, isFull: true, cancellationToken);
                            item.Status = isNew ? BatchItemStatus.Issued : BatchItemStatus.Skipped;
                            item.Reason = isNew ? null : "The current transcript already covers the same attainments.";
                            item.CredentialId = credential.Id;
                        }
                    }
                }
                await db.SaveChangesAsync(cancellationToken);
                return item;
            });
        }
        catch (SigningException e)
        {
            db.ChangeTracker.Clear();
            var item = await db.BatchItems.SingleAsync(i => i.Id == itemId, cancellationToken);
            item.Status = BatchItemStatus.Failed;
            item.Reason = e.Message;
            await db.SaveChangesAsync(cancellationToken);
            Log.ItemFailed(logger, itemId, e.Error.ToString());
            return item;
        }
    }
}
