using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.ApiKeys;

public abstract partial class ApiKeyTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task A_new_key_is_shown_once_stored_as_a_hash_and_stops_working_when_revoked()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);

        var created = await Seeded.Json(await admin.PostAsJsonAsync("/keys", new { name = "Ms Rivera", role = "assessor" }));
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("id").GetGuid();
        using var assessor = app.CreateClientFor(secret);
        (await assessor.GetAsync("/frameworks")).EnsureSuccessStatusCode();
        var listed = await admin.GetStringAsync("/keys");
        var stored = await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/keys/{id}/revoke", null)).StatusCode);

        Assert.Matches("^trk_[A-Za-z0-9_-]{43}$", secret);
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(ApiKeyAuthentication.HashOf(secret), stored.Hash);
        await Problem.AssertAsync(await assessor.GetAsync("/frameworks"), HttpStatusCode.Unauthorized, "unauthenticated");
        await Problem.AssertAsync(await admin.PostAsync($"/keys/{id}/revoke", null), HttpStatusCode.Conflict, "already-revoked");
    }

    [SkippableFact]
    public async Task A_learner_key_needs_a_learner_of_this_institution()
    {
        var school = await app.SeedInstitutionAsync();
        var other = await app.SeedInstitutionAsync("Other");
        using var admin = app.CreateClientFor(school.Admin);

        await Problem.AssertAsync(await admin.PostAsJsonAsync("/keys", new { name = "x", role = "learner" }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/keys", new { name = "x", role = "learner", learnerId = other.LearnerA }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/keys", new { name = "x", role = "assessor", learnerId = school.LearnerA }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/keys", new { name = "x", role = "superuser" }), HttpStatusCode.BadRequest, "validation-failed");
        (await admin.PostAsJsonAsync("/keys", new { name = "x", role = "learner", learnerId = school.LearnerA })).EnsureSuccessStatusCode();
    }

    [SkippableFact]
    public async Task First_start_on_an_empty_database_prints_one_working_admin_key()
    {
        app.EnsureAvailable();
        using var probe = app.CreateClient();
        (await probe.GetAsync("/health")).EnsureSuccessStatusCode();

        var match = PrintedKey().Match(app.Console.ToString());

        Assert.True(match.Success, app.Console.ToString());
        Assert.Single(PrintedKey().Matches(app.Console.ToString()));
        using var admin = app.CreateClientFor(match.Groups[1].Value);
        var keys = await Seeded.Json(await admin.GetAsync("/keys"));
        Assert.Equal("admin", keys.GetProperty("items")[0].GetProperty("role").GetString());
    }

    [GeneratedRegex("Admin key \\(shown only now; store it safely\\): (trk_[A-Za-z0-9_-]{43})")]
    private static partial Regex PrintedKey();

    public sealed class OnSqlite(SqliteApp app) : ApiKeyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ApiKeyTests(app), IClassFixture<PostgresApp>;
}
