using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.Batches;

/// <summary>
/// Claims on a chunk of learners are renewed while the chunk is worked. The first learner's save is made slow (the progress
/// callback holds the writer) while the fake clock passes the lease: with its claims renewed at each third of the lease, the
/// chunk stays this instance's and every learner is issued once, by it. When the renewals fail, the claims lapse, another
/// instance takes the learners over and issues them, and the first leaves them alone: still nobody is issued twice.
/// </summary>
public abstract class BatchLeaseTests(TranscriptsApp app)
{
    private const int Learners = 6;
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public async Task A_chunk_slower_than_its_lease_keeps_its_claims_and_each_learner_is_issued_once()
    {
        var school = await app.SeedInstitutionAsync();
        var batchId = await CreateBatchAsync(school);
        var first = Processor(beforeRenewal: null);
        var slow = new SlowFirstSave();

        var running = first.Processor.RunAsync(batchId, slow.OnSaved, CancellationToken.None);
        try
        {
            Assert.True(await slow.FirstSaved.WaitAsync(s_limit), "the first learner was not saved");
            for (var third = 1; third <= 4; third++)
            {
                app.Clock.Advance(s_lease / 3);
                var until = (app.Clock.GetUtcNow() + s_lease).ToUnixTimeMilliseconds();
                await WaitForAsync(() => app.WithDbAsync(db => db.BatchItems.AsNoTracking()
                    .Where(i => i.BatchId == batchId && i.Status == BatchItemStatus.Pending).AllAsync(i => i.LeaseExpiresAt == until)), "the claims to be renewed");
            }
            // The first claim lapsed a third of a lease ago; renewed, the learners are still not claimable.
            var now = app.Clock.GetUtcNow();
            var taken = await app.WithDbAsync(db => BatchClaims.ClaimAsync(db, batchId, "another instance", now, now + s_lease, 50, CancellationToken.None));
            Assert.Empty(taken);
        }
        finally
        {
            slow.Release.Set();
        }
        await running;

        Assert.Equal(Learners, slow.Saved.Count);
        var items = await ItemsAsync(batchId);
        Assert.All(items, i => Assert.Equal(BatchItemStatus.Issued, i.Status));
        Assert.All(items, i => Assert.Equal(first.Instance.Id, i.LeasedBy));
        await AssertIssuedOnceAsync(school);
        Assert.DoesNotContain($"Batch {batchId}: another instance took over", app.Logs.All, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task When_renewals_fail_another_instance_takes_the_learners_over_and_nobody_is_issued_twice()
    {
        var school = await app.SeedInstitutionAsync();
        var batchId = await CreateBatchAsync(school);
        var failing = 1;
        var attempts = 0;
        var first = Processor(_ =>
        {
            Interlocked.Increment(ref attempts);
            return Volatile.Read(ref failing) == 1 ? throw new LostConnection() : Task.CompletedTask;
        });
        var slow = new SlowFirstSave();
        var second = Processor(beforeRenewal: null);
        var savedBySecond = new ConcurrentQueue<BatchItem>();

        var running = first.Processor.RunAsync(batchId, slow.OnSaved, CancellationToken.None);
        try
        {
            Assert.True(await slow.FirstSaved.WaitAsync(s_limit), "the first learner was not saved");
            for (var third = 1; third <= 4; third++)
            {
                app.Clock.Advance(s_lease / 3);
                await WaitForAsync(() => Task.FromResult(Volatile.Read(ref attempts) >= third), "a renewal to be tried");
            }
            // The claims lapsed: the other instance claims the learners the first still holds, issues them and finishes the batch.
            await second.Processor.RunAsync(batchId, savedBySecond.Enqueue, CancellationToken.None);
            Volatile.Write(ref failing, 0);
            app.Clock.Advance(s_lease / 3);
            await WaitForAsync(() => Task.FromResult(app.Logs.All.Contains($"Batch {batchId}: another instance took over {Learners - 1} learners", StringComparison.Ordinal)),
                "the first instance to see its learners taken over");
        }
        finally
        {
            slow.Release.Set();
        }
        await running;

        Assert.Single(slow.Saved);
        Assert.Equal(Learners - 1, savedBySecond.Count);
        Assert.Contains($"Batch {batchId}: the claims on its learners could not be renewed", app.Logs.All, StringComparison.Ordinal);
        var items = await ItemsAsync(batchId);
        Assert.All(items, i => Assert.Equal(BatchItemStatus.Issued, i.Status));
        Assert.Equal(1, items.Count(i => i.LeasedBy == first.Instance.Id));
        Assert.Equal(Learners - 1, items.Count(i => i.LeasedBy == second.Instance.Id));
        await AssertIssuedOnceAsync(school);
    }

    /// <summary>Holds the writer after the first learner's save until released: a slow item, without a timer.</summary>
    private sealed class SlowFirstSave
    {
        public SemaphoreSlim FirstSaved { get; } = new(0);
        public ManualResetEventSlim Release { get; } = new();
        public ConcurrentQueue<BatchItem> Saved { get; } = new();

        public void OnSaved(BatchItem item)
        {
            Saved.Enqueue(item);
            if (Saved.Count == 1)
            {
                FirstSaved.Release();
                Release.Wait(s_limit);
            }
        }
    }

    private sealed class LostConnection() : DbException("The connection to the database was lost.");

    private (BatchProcessor Processor, ServiceInstance Instance) Processor(Func<CancellationToken, Task>? beforeRenewal)
    {
        var instance = new ServiceInstance();
        var options = Options.Create(new BatchOptions { LearnersInFlight = 2, LeaseDuration = s_lease, PollInterval = TimeSpan.FromMilliseconds(100) });
        var processor = new BatchProcessor(app.Services.GetRequiredService<IServiceScopeFactory>(), options, instance,
            app.Services.GetRequiredService<ILogger<BatchProcessor>>())
        { BeforeLeaseRenewal = beforeRenewal };
        return (processor, instance);
    }

    private async Task<Guid> CreateBatchAsync(School school)
    {
        var learners = await app.WithDbAsync(async db =>
        {
            var added = Enumerable.Range(0, Learners)
                .Select(i => new Learner { InstitutionId = school.Id, Name = $"Leased learner {i}", CreatedAt = app.Clock.GetUtcNow() }).ToList();
            db.Learners.AddRange(added);
            db.Attainments.AddRange(added.Select(l => new Attainment
            {
                InstitutionId = school.Id, LearnerId = l.Id, CompetencyId = school.Competencies[0], LevelId = school.Levels[2],
                Status = AttainmentStatus.Attained, Source = AttainmentSource.Award, Reason = "Transfer credit", UpdatedAt = app.Clock.GetUtcNow(),
            }));
            await db.SaveChangesAsync();
            return added.Select(l => l.Id).ToList();
        });
        return await app.WithDbAsync(async db =>
        {
            var (batch, _, problem) = await CreateBatch.CreateAsync(db, school.Id, Guid.Empty, learners, app.Clock, new BatchOptions(), CancellationToken.None);
            Assert.Null(problem);
            return batch!.Id;
        });
    }

    private Task<List<BatchItem>> ItemsAsync(Guid batchId) =>
        app.WithDbAsync(db => db.BatchItems.AsNoTracking().Where(i => i.BatchId == batchId).ToListAsync());

    private async Task AssertIssuedOnceAsync(School school)
    {
        var credentials = await app.WithDbAsync(db => db.Credentials.AsNoTracking().Where(c => c.InstitutionId == school.Id).ToListAsync());
        var transcripts = credentials.Where(c => c.Kind == CredentialKind.Transcript).ToList();
        Assert.Equal(Learners, transcripts.Count);
        Assert.Equal(Learners, transcripts.Select(c => c.LearnerId).Distinct().Count());
        Assert.Equal(Learners, credentials.Count(c => c.Kind == CredentialKind.Achievement));
        Assert.Equal(credentials.Count, credentials.Select(c => (c.RevocationListId, c.RevocationIndex)).Distinct().Count());
        var allocated = await app.WithDbAsync(db => db.StatusLists.Where(l => l.InstitutionId == school.Id && l.Purpose == "revocation").SumAsync(l => l.Allocated));
        Assert.Equal(credentials.Count, allocated);
    }

    /// <summary>Waits (at most two minutes) for what the batch's own threads do after the clock moved.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > s_limit)
            {
                throw new TimeoutException($"Waited {s_limit.TotalSeconds:N0} s for {what}.");
            }
            await Task.Delay(20);
        }
    }

    public sealed class OnSqlite(SqliteApp app) : BatchLeaseTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : BatchLeaseTests(app), IClassFixture<PostgresApp>;
}
