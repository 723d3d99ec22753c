using System.Net;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Institutions;

/// <summary>An admin cannot claim another institution's did:web, nor publish it over plain http.</summary>
public abstract class PublicBaseUrlTests(TranscriptsApp app)
{
    [SkippableTheory]
    [InlineData("")]
    [InlineData("upper")]
    [InlineData("no-slash")]
    public async Task Update_returns_409_when_another_institution_has_the_public_base_url(string spelling)
    {
        var victim = await app.SeedInstitutionAsync("Victim school");
        var attacker = await app.SeedInstitutionAsync("Attacker school");
        using var admin = app.CreateClientFor(attacker.Admin);
        var url = victim.BaseUrl.ToString();
        url = spelling switch { "upper" => url.Replace(victim.Host, victim.Host.ToUpperInvariant(), StringComparison.Ordinal), "no-slash" => url.TrimEnd('/'), _ => url };

        var response = await admin.PutAsJsonAsync("/institution", new { name = "Attacker school", publicBaseUrl = url, version = 0 });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, "public-base-url-taken");
        var did = await Seeded.Json(await admin.GetAsync("/institution"));
        Assert.Equal(attacker.Did, did.GetProperty("did").GetString());
    }

    [SkippableTheory]
    [InlineData("http://school.example/")]
    [InlineData("http://10.0.0.5/")]
    public async Task Update_refuses_an_http_public_base_url_outside_loopback(string url)
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);

        var response = await admin.PutAsJsonAsync("/institution", new { name = "School", publicBaseUrl = url, version = 0 });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("https", problem.GetProperty("errors").GetProperty("publicBaseUrl")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("http://localhost:5000/", "did:web:localhost%3A5000")]
    [InlineData("http://127.0.0.1:8080/", "did:web:127.0.0.1%3A8080")]
    [InlineData("https://Own-School.example", "did:web:own-school.example")]
    public async Task Update_accepts_https_and_loopback_http_and_keeps_the_canonical_form(string url, string did)
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        var updated = await Seeded.Json(await admin.PutAsJsonAsync("/institution", new { name = "School", publicBaseUrl = url, version = 0 }));

        Assert.Equal(did, updated.GetProperty("did").GetString());
        Assert.EndsWith("/", updated.GetProperty("publicBaseUrl").GetString(), StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : PublicBaseUrlTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : PublicBaseUrlTests(app), IClassFixture<PostgresApp>;
}
