using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.Batches;

public abstract class IssueBatchTests(TranscriptsApp app)
{
    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid batchId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var batch = await Seeded.Json(await client.GetAsync($"/batches/{batchId}"));
            if (batch.GetProperty("isFinished").GetBoolean())
            {
                return batch;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Batch {batchId} did not finish.");
    }

    [SkippableFact]
    public async Task A_batch_issues_one_transcript_per_learner_and_a_rerun_skips_them_all()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);

        var accepted = await registrar.PostAsJsonAsync("/batches", new { });
        var first = await WaitAsync(registrar, (await Seeded.Json(accepted)).GetProperty("id").GetGuid());
        var rerun = await WaitAsync(registrar, (await Seeded.Json(await registrar.PostAsJsonAsync("/batches", new { }))).GetProperty("id").GetGuid());

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("done").GetInt32());
        Assert.Equal(1, first.GetProperty("issued").GetInt32());
        var learnerB = first.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("learnerId").GetGuid() == seeded.School.LearnerB);
        Assert.Equal("Skipped", learnerB.GetProperty("status").GetString());
        Assert.Equal(2, rerun.GetProperty("skipped").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.LearnerId == seeded.School.LearnerA && c.Kind == Data.Entities.CredentialKind.Transcript)));
    }

    [SkippableFact]
    public async Task A_batch_refuses_unknown_learners_and_assessors()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await app.SeedInstitutionAsync("Other school");
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        using var stranger = app.CreateClientFor(other.Registrar);
        var batch = await Seeded.Json(await registrar.PostAsJsonAsync("/batches", new { learnerIds = new[] { seeded.School.LearnerA } }));
        await WaitAsync(registrar, batch.GetProperty("id").GetGuid());
        var before = await app.SnapshotAsync();

        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/batches", new { learnerIds = new[] { other.LearnerA } }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await assessor.PostAsJsonAsync("/batches", new { }), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await stranger.GetAsync($"/batches/{batch.GetProperty("id").GetGuid()}"), HttpStatusCode.NotFound, "not-found");

        Assert.Equal(before, await app.SnapshotAsync());
    }

    public sealed class OnSqlite(SqliteApp app) : IssueBatchTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IssueBatchTests(app), IClassFixture<PostgresApp>;
}
