using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.Sharing;

public abstract class ShareLinkTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task A_share_link_shows_exactly_the_chosen_credentials_records_each_access_and_stops_when_withdrawn()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var transcript = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }));
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var anonymous = app.CreateClient();

        var created = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { transcript.GetProperty("id").GetGuid() } }));
        var token = created.GetProperty("token").GetString()!;
        var first = JsonNode.Parse(await ShareRequest.ReadAsync(anonymous, token))!;
        await ShareRequest.ReadAsync(anonymous, token);
        (await learner.PostAsync($"/share-links/{created.GetProperty("id").GetGuid()}/withdraw", null)).EnsureSuccessStatusCode();

        var shared = first["verifiableCredential"]!.AsArray();
        Assert.Single(shared);
        Assert.Equal("urn:uuid:" + transcript.GetProperty("id").GetGuid(), (string)shared[0]!["id"]!);
        Assert.Equal(43, token.Length);   // 256 bits, base64url
        var stored = await app.WithDbAsync(db => db.ShareLinks.SingleAsync(l => l.Id == created.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(token, Convert.ToBase64String(stored.TokenHash));
        Assert.Equal(2, await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.Record == $"share link {stored.Id}")));
        await Problem.AssertAsync(await anonymous.SendAsync(ShareRequest.Open(token)), HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task An_expired_link_shows_nothing_and_nobody_shares_another_learners_credentials()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var classmate = app.CreateClientFor(seeded.School.LearnerBKey);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        using var anonymous = app.CreateClient();
        var body = new { credentialIds = new[] { seeded.CredentialId }, expiresAt = app.Clock.GetUtcNow().AddHours(1) };

        var created = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links", body));
        var before = await app.SnapshotAsync();
        await Problem.AssertAsync(await classmate.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links", body), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await classmate.PostAsJsonAsync($"/learners/{seeded.School.LearnerB}/share-links", body), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await assessor.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links", body), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId }, expiresAt = app.Clock.GetUtcNow().AddDays(-1) }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await anonymous.SendAsync(ShareRequest.Open(new string('A', 43))), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(before, await app.SnapshotAsync());
        app.Clock.Advance(TimeSpan.FromHours(2));

        await Problem.AssertAsync(await anonymous.SendAsync(ShareRequest.Open(created.GetProperty("token").GetString()!)), HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task A_learner_downloads_their_credentials_as_json_or_as_a_presentation()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var classmate = app.CreateClientFor(seeded.School.LearnerBKey);

        var all = JsonNode.Parse(await learner.GetStringAsync($"/learners/{seeded.School.LearnerA}/credentials/export"))!.AsArray();
        var presentation = JsonNode.Parse(await learner.GetStringAsync(
            $"/learners/{seeded.School.LearnerA}/credentials/export?format=presentation&ids={seeded.CredentialId}"))!;
        var stored = await app.WithDbAsync(db => db.Credentials.SingleAsync(c => c.Id == seeded.CredentialId));

        Assert.Equal(JsonNode.Parse(stored.Bytes)!.ToJsonString(), all.Single()!.ToJsonString());
        Assert.Equal("VerifiablePresentation", (string)presentation["type"]![0]!);
        Assert.Single(presentation["verifiableCredential"]!.AsArray());
        await Problem.AssertAsync(await classmate.GetAsync($"/learners/{seeded.School.LearnerA}/credentials/export"), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await learner.GetAsync($"/learners/{seeded.School.LearnerA}/credentials/export?ids={Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
    }

    public sealed class OnSqlite(SqliteApp app) : ShareLinkTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ShareLinkTests(app), IClassFixture<PostgresApp>;
}
