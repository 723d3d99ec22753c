using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Batches;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.Batches;

/// <summary>
/// The batch pipeline with several learners signed ahead of the one being saved. Each test hooks the writer's progress
/// callback, which runs after a learner's save and before the next one's, to change things while later learners are
/// already signed: a key revoked or rotated, credentials issued one by one through the API.
/// </summary>
public abstract class BatchPipelineTests(TranscriptsApp app)
{
    private const int Learners = 6;
    private const int Competencies = 3;

    [SkippableFact]
    public async Task A_parallel_batch_issues_each_credential_once_with_unique_status_indexes_and_a_rerun_skips_them_all()
    {
        var school = await app.SeedInstitutionAsync();
        var learners = await AddLearnersAsync(school);

        var first = await RunBatchAsync(school, learners, onSaved: null);
        var rerun = await RunBatchAsync(school, learners, onSaved: null);

        Assert.All(first, i => Assert.Equal(BatchItemStatus.Issued, i.Status));
        Assert.All(rerun, i => Assert.Equal(BatchItemStatus.Skipped, i.Status));
        Assert.Equal(first.ToDictionary(i => i.LearnerId, i => i.CredentialId), rerun.ToDictionary(i => i.LearnerId, i => i.CredentialId));
        var credentials = await CredentialsAsync(school);
        Assert.Equal(Learners, credentials.Count(c => c.Kind == CredentialKind.Transcript));
        Assert.Equal(Learners * Competencies, credentials.Count(c => c.Kind == CredentialKind.Achievement));
        await AssertStatusListsConsistentAsync(school, credentials);
        foreach (var transcript in credentials.Where(c => c.Kind == CredentialKind.Transcript))
        {
            var document = JsonNode.Parse(transcript.Bytes)!.AsObject();
            Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, document)).Outcome);
            var embedded = document["credentialSubject"]!["verifiableCredential"]!.AsArray();
            var achievements = credentials.Where(c => c.Kind == CredentialKind.Achievement && c.LearnerId == transcript.LearnerId).ToList();
            Assert.Equal(Competencies, embedded.Count);
            Assert.All(embedded, e => Assert.True(JsonNode.DeepEquals(e, JsonNode.Parse(achievements.Single(a => a.Id == Issuance.IdOf(e!.AsObject())).Bytes))));
        }
    }

    [SkippableFact]
    public async Task A_key_revoked_mid_batch_signs_nothing_more_and_fails_the_learners_still_to_save()
    {
        var school = await app.SeedInstitutionAsync();
        var learners = await AddLearnersAsync(school);
        using var admin = app.CreateClientFor(school.Admin);
        var revoked = false;

        var items = await RunBatchAsync(school, learners, onSaved: item =>
        {
            if (!revoked && item.Status == BatchItemStatus.Issued)
            {
                revoked = true;
                Call(() => RevokeActiveKeyAsync(admin));
            }
        });

        Assert.Equal(BatchItemStatus.Issued, items[0].Status);
        Assert.All(items.Skip(1), i => Assert.Equal(BatchItemStatus.Failed, i.Status));
        Assert.All(items.Skip(1), i => Assert.Contains("no active signing key", i.Reason, StringComparison.Ordinal));
        var credentials = await CredentialsAsync(school);
        Assert.Equal(Competencies + 1, credentials.Count);
        Assert.All(credentials, c => Assert.Equal(items[0].LearnerId, c.LearnerId));
        await AssertStatusListsConsistentAsync(school, credentials);
    }

    [SkippableFact]
    public async Task A_key_rotated_mid_batch_signs_every_later_learner_with_the_new_key()
    {
        var school = await app.SeedInstitutionAsync();
        var learners = await AddLearnersAsync(school);
        using var admin = app.CreateClientFor(school.Admin);
        Guid? newKey = null;

        var items = await RunBatchAsync(school, learners, onSaved: item =>
        {
            if (newKey is null && item.Status == BatchItemStatus.Issued)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(1));   // the old key expires after what it signed
                newKey = Call(async () => await Seeded.Id(await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })));
            }
        });

        Assert.All(items, i => Assert.Equal(BatchItemStatus.Issued, i.Status));
        var credentials = await CredentialsAsync(school);
        Assert.All(credentials.Where(c => c.LearnerId != items[0].LearnerId), c => Assert.Equal(newKey, c.SigningKeyId));
        Assert.All(credentials.Where(c => c.LearnerId == items[0].LearnerId), c => Assert.NotEqual(newKey, c.SigningKeyId));
        await AssertStatusListsConsistentAsync(school, credentials);
        foreach (var transcript in credentials.Where(c => c.Kind == CredentialKind.Transcript))
        {
            var report = await Issuance.VerifyAsync(app, school.Id, JsonNode.Parse(transcript.Bytes)!.AsObject());
            Assert.True(report.Outcome == CheckStatus.Passed, string.Join("; ", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Reason}")));
        }
    }

    [SkippableFact]
    public async Task Credentials_issued_one_by_one_during_a_batch_share_no_status_index_with_it()
    {
        var school = await app.SeedInstitutionAsync();
        var learners = await AddLearnersAsync(school);
        var attainments = await AddAttainmentsAsync(school, school.LearnerA);
        using var registrar = app.CreateClientFor(school.Registrar);
        var single = new Queue<Guid>(attainments);

        var items = await RunBatchAsync(school, learners, onSaved: _ =>
        {
            if (single.TryDequeue(out var attainment))
            {
                Call(async () => await Seeded.Id(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = attainment })));
            }
        });

        Assert.All(items, i => Assert.Equal(BatchItemStatus.Issued, i.Status));
        var credentials = await CredentialsAsync(school);
        Assert.Equal(Learners * (Competencies + 1) + Competencies, credentials.Count);
        Assert.Equal(Competencies, credentials.Count(c => c.LearnerId == school.LearnerA));
        await AssertStatusListsConsistentAsync(school, credentials);
    }

    // The progress callback is synchronous: it runs between two saves, and the writer waits for it.
    private static void Call(Func<Task> action) => action().GetAwaiter().GetResult();

    private static T Call<T>(Func<Task<T>> action) => action().GetAwaiter().GetResult();

    private static async Task RevokeActiveKeyAsync(HttpClient admin)
    {
        var key = (await Seeded.Json(await admin.GetAsync("/signing-keys"))).EnumerateArray()
            .Single(k => k.GetProperty("isActive").GetBoolean()).GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync($"/signing-keys/{key}/revoke", new { reason = "laptop stolen" })).EnsureSuccessStatusCode();
    }

    private async Task<List<Guid>> AddLearnersAsync(School school)
    {
        var learners = await app.WithDbAsync(async db =>
        {
            var added = Enumerable.Range(0, Learners)
                .Select(i => new Learner { InstitutionId = school.Id, Name = $"Batch learner {i}", CreatedAt = app.Clock.GetUtcNow() }).ToList();
            db.Learners.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(l => l.Id).ToList();
        });
        foreach (var learner in learners)
        {
            await AddAttainmentsAsync(school, learner);
        }
        return learners;
    }

    private Task<List<Guid>> AddAttainmentsAsync(School school, Guid learnerId) => app.WithDbAsync(async db =>
    {
        var attainments = school.Competencies.Select(c => new Attainment
        {
            InstitutionId = school.Id, LearnerId = learnerId, CompetencyId = c, LevelId = school.Levels[2], Status = AttainmentStatus.Attained,
            Source = AttainmentSource.Award, Reason = "Transfer credit", UpdatedAt = app.Clock.GetUtcNow(),
        }).ToList();
        db.Attainments.AddRange(attainments);
        await db.SaveChangesAsync();
        return attainments.Select(a => a.Id).ToList();
    });

    /// <summary>Runs a batch of <paramref name="learners"/> with four learners in flight; returns its items in the order they were saved.</summary>
    private async Task<List<BatchItem>> RunBatchAsync(School school, List<Guid> learners, Action<BatchItem>? onSaved)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (batch, _, problem) = await CreateBatch.CreateAsync(services.GetRequiredService<TranscriptsDb>(), school.Id, Guid.Empty, learners,
            app.Clock, new BatchOptions(), CancellationToken.None);
        Assert.Null(problem);
        var processor = new BatchProcessor(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new BatchOptions { LearnersInFlight = 4 }),
            services.GetRequiredService<global::Transcripts.Api.Infrastructure.ServiceInstance>(), services.GetRequiredService<ILogger<BatchProcessor>>());
        var saved = new List<BatchItem>();
        await processor.RunAsync(batch!.Id, item =>
        {
            saved.Add(item);
            onSaved?.Invoke(item);
        }, CancellationToken.None);
        Assert.Equal(learners.Count, saved.Count);
        return saved;
    }

    private Task<List<Credential>> CredentialsAsync(School school) =>
        app.WithDbAsync(db => db.Credentials.AsNoTracking().Where(c => c.InstitutionId == school.Id).ToListAsync());

    private async Task AssertStatusListsConsistentAsync(School school, List<Credential> credentials)
    {
        var allocated = await app.WithDbAsync(db => db.StatusLists.Where(l => l.InstitutionId == school.Id && l.Purpose == "revocation")
            .SumAsync(l => l.Allocated));
        Assert.Equal(credentials.Count, credentials.Select(c => (c.RevocationListId, c.RevocationIndex)).Distinct().Count());
        Assert.Equal(credentials.Count, allocated);
    }

    public sealed class OnSqlite(SqliteApp app) : BatchPipelineTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : BatchPipelineTests(app), IClassFixture<PostgresApp>;
}
