using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Institutions;

public abstract class InstitutionTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Admin_edits_the_profile_and_the_did_follows_the_public_base_url()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        using var learner = app.CreateClientFor(school.LearnerAKey);

        var updated = await Seeded.Json(await admin.PutAsJsonAsync("/institution", new
        {
            name = "École Sainte-Anne", url = "https://sainte-anne.example", email = "registrar@sainte-anne.example",
            address = "12 rue des Écoles, Québec", publicBaseUrl = "https://sainte-anne.example:8443/records/", version = 0,
        }));
        var seen = await Seeded.Json(await learner.GetAsync("/institution"));

        Assert.Equal("did:web:sainte-anne.example%3A8443:records", updated.GetProperty("did").GetString());
        Assert.Equal("École Sainte-Anne", seen.GetProperty("name").GetString());
        Assert.Equal(1, seen.GetProperty("version").GetInt32());
        var bad = await admin.PutAsJsonAsync("/institution", new { name = "x", publicBaseUrl = "ftp://nowhere", version = 1 });
        var problem = await Problem.AssertAsync(bad, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("publicBaseUrl", out _));
    }

    [SkippableFact]
    public async Task Logo_upload_round_trips_the_image()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        using var content = new ByteArrayContent(Seeded.Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        await Problem.AssertAsync(await admin.GetAsync("/institution/logo"), HttpStatusCode.NotFound, "not-found");
        var updated = await Seeded.Json(await admin.PutAsync("/institution/logo", content));
        var logo = await admin.GetAsync("/institution/logo");

        Assert.True(updated.GetProperty("hasLogo").GetBoolean());
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Seeded.Png, await logo.Content.ReadAsByteArrayAsync());
    }

    public sealed class OnSqlite(SqliteApp app) : InstitutionTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : InstitutionTests(app), IClassFixture<PostgresApp>;
}
