using System.Net;
using System.Text;

namespace Transcripts.Api.Tests.Features.Evidence;

public abstract class EvidenceTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Identical_files_are_stored_once_by_sha256_and_download_returns_the_bytes()
    {
        var school = await app.SeedInstitutionAsync();
        using var assessor = app.CreateClientFor(school.Assessor);
        var bytes = Encoding.UTF8.GetBytes("Ελένη's lab notes " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        var first = await Seeded.Json(await assessor.PostAsync($"/learners/{school.LearnerA}/evidence/files", Seeded.FileForm("notes.txt", "text/plain", bytes)));
        var second = await Seeded.Json(await assessor.PostAsync($"/learners/{school.LearnerB}/evidence/files", Seeded.FileForm("copy.txt", "text/plain", bytes)));

        Assert.Equal(sha, first.GetProperty("sha256").GetString());
        Assert.Equal(sha, second.GetProperty("sha256").GetString());
        Assert.NotEqual(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        var stored = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files"), sha, SearchOption.AllDirectories).ToList();
        Assert.Single(stored);
        using var learner = app.CreateClientFor(school.LearnerAKey);
        var download = await learner.GetAsync($"/evidence/{first.GetProperty("id").GetGuid()}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        using var learnerB = app.CreateClientFor(school.LearnerBKey);
        await Problem.AssertAsync(await learnerB.GetAsync($"/evidence/{first.GetProperty("id").GetGuid()}/content"), HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task Evidence_is_a_narrative_or_a_link_not_both()
    {
        var school = await app.SeedInstitutionAsync();
        using var assessor = app.CreateClientFor(school.Assessor);

        var both = await assessor.PostAsync($"/learners/{school.LearnerA}/evidence",
            new StringContent("""{"title":"t","narrative":"n","url":"https://example.org"}""", Encoding.UTF8, "application/json"));
        var link = await Seeded.Json(await assessor.PostAsync($"/learners/{school.LearnerA}/evidence",
            new StringContent("""{"title":"Portfolio","url":"https://example.org/p"}""", Encoding.UTF8, "application/json")));

        await Problem.AssertAsync(both, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal("Link", link.GetProperty("kind").GetString());
        var list = await Seeded.Json(await assessor.GetAsync($"/learners/{school.LearnerA}/evidence?kind=Link"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    public sealed class OnSqlite(SqliteApp app) : EvidenceTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : EvidenceTests(app), IClassFixture<PostgresApp>;
}
