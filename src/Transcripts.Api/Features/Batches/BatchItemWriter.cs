using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// Saves prepared learners one at a time, in order. Each save is one write turn (<see cref="TranscriptsDb.BeginLockedWriteAsync"/>):
/// it checks that this instance still holds the learner's claim (another may have taken it over after the claim lapsed:
/// then the learner is left to it, and nothing is written), and that the plan still holds (its key is still the active
/// one; the learner's active credentials are still those it was planned against); then the learner's credentials,
/// status-list counts, superseded credentials and the item's state are one commit. A plan that no longer holds, or whose
/// save lost to a concurrent write (another request or instance took a reserved index, or changed a status list or
/// credential meanwhile), is planned and signed again from fresh reads, with a freshly opened key (<see cref="ConflictRetry"/>).
/// </summary>
internal sealed class BatchItemWriter(IServiceScopeFactory scopes, BatchRun run, ILogger logger)
{
    /// <summary>The learner's saved item, or null when another instance holds its claim now.</summary>
    public async Task<BatchItem?> SaveAsync(PreparedItem prepared, CancellationToken cancellationToken)
    {
        IssuerSigner? replanned = null;
        try
        {
            return await ConflictRetry.RunAsync(async attempt =>
            {
                for (var replans = 0; ; replans++)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var services = scope.ServiceProvider;
                    var db = services.GetRequiredService<TranscriptsDb>();
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await using (var write = await db.BeginLockedWriteAsync(cancellationToken))
                        {
                            var item = await db.BatchItems.SingleAsync(i => i.Id == prepared.Plan.Facts.ItemId, cancellationToken);
                            if (item.Status != BatchItemStatus.Pending || item.LeasedBy != run.Instance)
                            {
                                await run.Allocator.ReleaseAsync(prepared.Plan.Reserved, cancellationToken);
                                return null;
                            }
                            if (attempt + replans >= ConflictRetry.Attempts || await StillHoldsAsync(db, prepared.Plan, cancellationToken))
                            {
                                var created = await WriteAsync(services, db, item, prepared, cancellationToken);
                                await write.CommitAsync(cancellationToken);
                                services.GetRequiredService<CredentialIssuer>().Issued(created);
                                if (prepared.Plan.Signer is { } signer && signer != replanned)
                                {
                                    run.RetireBefore(signer);
                                }
                                return item;
                            }
                        }
                        (prepared, replanned) = await ReplanAsync(services, db, prepared, replanned, cancellationToken);
                    }
                    finally
                    {
                        run.Times?.Add(IssuanceStage.Store, Stopwatch.GetTimestamp() - started);
                    }
                }
            }, async _ =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
                await run.Allocator.RefreshAsync(db, cancellationToken);
                (prepared, replanned) = await ReplanAsync(scope.ServiceProvider, db, prepared, replanned, cancellationToken);
            }, cancellationToken);
        }
        finally
        {
            replanned?.Dispose();
        }
    }

    private async Task<bool> StillHoldsAsync(TranscriptsDb db, TranscriptPlan plan, CancellationToken cancellationToken)
    {
        if (plan.FailReason is not null || plan.Facts.Attainments.Count == 0)
        {
            return true;
        }
        if (plan.Signer is { } signer
            && !await db.SigningKeys.AnyAsync(k => k.Id == signer.Key.Id && k.RetiredAt == null && k.RevokedAt == null, cancellationToken))
        {
            return false;
        }
        var learnerId = plan.Facts.Learner.Id;
        var current = await LearnerFactsReader.CurrentCredentials(db, run.InstitutionId).Where(c => c.LearnerId == learnerId)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        return current.Count == plan.Facts.Current.Count && plan.Facts.Current.All(c => current.Contains(c.Id));
    }

    private async Task<(PreparedItem Prepared, IssuerSigner? Signer)> ReplanAsync(IServiceProvider services, TranscriptsDb db, PreparedItem stale,
        IssuerSigner? previous, CancellationToken cancellationToken)
    {
        await run.Allocator.ReleaseAsync(stale.Plan.Reserved, cancellationToken);
        previous?.Dispose();
        var (signer, problem) = await run.OpenSignerAsync(services, db, isShared: false, cancellationToken);
        var facts = await run.Facts.ReadAsync(db, [stale.Plan.Facts.ItemId], cancellationToken);
        var plan = await TranscriptPlan.CreateAsync(facts[0], TranscriptScope.Full, signer, problem, db, services.GetRequiredService<StatusListService>(), run.Allocator,
            cancellationToken);
        return (PreparedItem.Sign(plan, run.Times), signer);
    }

    private async Task<IReadOnlyList<Credential>> WriteAsync(IServiceProvider services, TranscriptsDb db, BatchItem item, PreparedItem prepared,
        CancellationToken cancellationToken)
    {
        var plan = prepared.Plan;
        // The claim's instance stays on the saved learner (who saved it, for the operator); it no longer lapses.
        item.LeaseExpiresAt = null;
        if (prepared.Error is { } error)
        {
            await run.Allocator.ReleaseAsync(plan.Reserved, cancellationToken);
            item.Status = BatchItemStatus.Failed;
            item.Reason = error.Message;
            await db.SaveChangesAsync(cancellationToken);
            Log.ItemFailed(logger, item.Id, error.Error.ToString());
            return [];
        }
        if (!plan.Issues)
        {
            item.Status = plan.FailReason is null ? BatchItemStatus.Skipped : BatchItemStatus.Failed;
            item.Reason = plan.SkipReason ?? plan.FailReason;
            item.CredentialId = plan.TranscriptId == Guid.Empty ? null : plan.TranscriptId;
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        var created = prepared.Signed!.Created;
        await prepared.Signed.AddAsync(db, services.GetRequiredService<CredentialIssuer>(), cancellationToken);
        item.Status = BatchItemStatus.Issued;
        item.Reason = null;
        item.CredentialId = plan.TranscriptId;
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
