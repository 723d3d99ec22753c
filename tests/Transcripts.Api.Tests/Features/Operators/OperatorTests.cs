using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Operators;

/// <summary>
/// The service's operator creates, lists, suspends and reinstates institutions, and reaches nothing else. A suspended
/// institution's keys stop, its share links and verification pages are withheld, and its status lists and DID document stay.
/// </summary>
public abstract class OperatorTests(TranscriptsApp app)
{
    private async Task<HttpClient> OperatorAsync() => app.CreateClientFor(await app.OperatorKeyAsync());

    [SkippableFact]
    public async Task Create_gives_the_institution_its_own_path_did_signing_key_and_first_admin_key()
    {
        using var operatorClient = await OperatorAsync();

        using var response = await operatorClient.PostAsJsonAsync("/operator/institutions", new { name = "Hillside Academy" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Seeded.Json(response);
        var id = created.GetProperty("institution").GetProperty("id").GetGuid();
        Assert.Equal($"did:web:localhost%3A5000:institutions:{id}", created.GetProperty("institution").GetProperty("did").GetString());
        using var admin = app.CreateClientFor(created.GetProperty("adminKeySecret").GetString()!);
        var own = await Seeded.Json(await admin.GetAsync("/institution"));
        Assert.Equal(id, own.GetProperty("id").GetGuid());
        Assert.Equal("Hillside Academy", own.GetProperty("name").GetString());
        using var anonymous = app.CreateClient();
        var did = await Seeded.Json(await anonymous.GetAsync($"/institutions/{id}/did.json"));
        Assert.Equal($"did:web:localhost%3A5000:institutions:{id}", did.GetProperty("id").GetString());
        Assert.Single(did.GetProperty("assertionMethod").EnumerateArray());
        var listed = await Seeded.Json(await operatorClient.GetAsync("/operator/institutions"));
        Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }

    [SkippableFact]
    public async Task The_host_did_document_is_not_an_institution_published_under_a_path()
    {
        using var operatorClient = await OperatorAsync();
        (await operatorClient.PostAsJsonAsync("/operator/institutions", new { name = "Path school" })).EnsureSuccessStatusCode();
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/.well-known/did.json");

        // No institution of this app has the bare host (localhost) as its public base URL.
        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task The_operator_sees_no_institutions_records_on_any_endpoint()
    {
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        using var operatorClient = await OperatorAsync();
        var before = await app.FullSnapshotAsync();
        var answered = new List<string>();

        foreach (var endpoint in Endpoints.All.Where(e => !e.IsOperator))
        {
            using var response = await operatorClient.SendAsync(Endpoints.Request(endpoint, seeded));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                answered.Add($"{endpoint.Name}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(answered);
        Assert.Equal(before, await app.FullSnapshotAsync());
    }

    [SkippableFact]
    public async Task The_operator_list_holds_no_learner_data()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var operatorClient = await OperatorAsync();

        var body = await (await operatorClient.GetAsync("/operator/institutions")).Content.ReadAsStringAsync();

        Assert.Contains(seeded.School.Id.ToString(), body);
        Assert.DoesNotContain(seeded.School.LearnerA.ToString(), body);
        Assert.DoesNotContain("Ελένη", body);
    }

    [SkippableFact]
    public async Task Suspension_stops_keys_and_withholds_public_records_but_keeps_status_lists_and_did()
    {
        var seeded = await Seeded.ForEveryEndpointAsync(app);
        var school = seeded.School;
        using var admin = app.CreateClientFor(school.Admin);
        var share = await Seeded.Json(await admin.PostAsJsonAsync($"/learners/{school.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId }, reason = "Sent to the college on the learner's request" }));
        var credential = await Seeded.Json(await admin.GetAsync($"/credentials/{seeded.CredentialId}"));
        var statusUrl = new Uri(FindStatusList(credential));
        using var operatorClient = await OperatorAsync();

        var suspended = await Seeded.Json(await operatorClient.PostAsJsonAsync($"/operator/institutions/{school.Id}/suspend", new { reason = "Contract ended" }));

        Assert.Equal("Contract ended", suspended.GetProperty("suspensionReason").GetString());
        await Problem.AssertAsync(await admin.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");
        using var learner = app.CreateClientFor(school.LearnerAKey);
        await Problem.AssertAsync(await learner.GetAsync($"/learners/{school.LearnerA}"), HttpStatusCode.Unauthorized, "unauthenticated");
        using var anonymous = app.CreateClient();
        var before = await app.FullSnapshotAsync(school.Id);
        using var open = new HttpRequestMessage(HttpMethod.Get, "/share");
        open.Headers.Add("X-Share-Token", share.GetProperty("token").GetString());
        await Problem.AssertAsync(await anonymous.SendAsync(open), HttpStatusCode.Forbidden, "institution-suspended");
        var page = await anonymous.GetAsync($"/v/{seeded.TranscriptId}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("suspended", await page.Content.ReadAsStringAsync());
        await Problem.AssertAsync(await anonymous.PostAsync($"/v/{seeded.TranscriptId}/record", null), HttpStatusCode.Forbidden, "institution-suspended");
        Assert.Equal(before, await app.FullSnapshotAsync(school.Id));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(statusUrl.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/institutions/{school.Id}/did.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/institutions/{school.Id}/trust-bundle")).StatusCode);

        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync($"/operator/institutions/{school.Id}/suspend", new { reason = "again" }),
            HttpStatusCode.Conflict, "institution-already-suspended");
        // A reinstatement needs its reason, as a suspension does: without one, nothing changes.
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync($"/operator/institutions/{school.Id}/reinstate", new { reason = "" }),
            HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await operatorClient.PostAsync($"/operator/institutions/{school.Id}/reinstate", null),
            HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(before, await app.FullSnapshotAsync(school.Id));
        await Problem.AssertAsync(await admin.GetAsync("/institution"), HttpStatusCode.Unauthorized, "unauthenticated");

        var reinstated = await Seeded.Json(await operatorClient.PostAsJsonAsync($"/operator/institutions/{school.Id}/reinstate", new { reason = "Contract renewed" }));
        Assert.Equal("Contract renewed", reinstated.GetProperty("reinstatementReason").GetString());
        Assert.Equal(JsonValueKind.Null, reinstated.GetProperty("suspendedAt").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/institution")).StatusCode);
        // The reason is on the institution's row, which the audit trail's newest event for it covers.
        var (row, stateHash) = await app.WithDbAsync(async db => (await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == school.Id),
            await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Institution) && e.EntityId == school.Id.ToString())
                .OrderByDescending(e => e.Sequence).Select(e => e.StateHash).FirstAsync()));
        Assert.Equal("Contract renewed", row.ReinstatementReason);
        Assert.NotNull(row.ReinstatedAt);
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync($"/operator/institutions/{school.Id}/reinstate", new { reason = "again" }),
            HttpStatusCode.Conflict, "institution-not-suspended");
        Assert.Equal(stateHash, await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(Institution) && e.EntityId == school.Id.ToString()).OrderByDescending(e => e.Sequence).Select(e => e.StateHash).FirstAsync()));
    }

    [SkippableFact]
    public async Task Bad_requests_to_the_operator_get_problems_and_change_nothing()
    {
        var other = await app.SeedInstitutionAsync("Taken");
        using var operatorClient = await OperatorAsync();
        var before = await app.FullSnapshotAsync();

        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync("/operator/institutions", new { name = "Plain", publicBaseUrl = "http://plain.example/" }),
            HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync("/operator/institutions", new { name = "Copy", publicBaseUrl = other.BaseUrl.ToString() }),
            HttpStatusCode.Conflict, "public-base-url-taken");
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync("/operator/institutions", new { name = "" }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await operatorClient.PostAsync("/operator/institutions", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "malformed-json");
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync($"/operator/institutions/{Guid.NewGuid()}/suspend", new { reason = "x" }),
            HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync($"/operator/institutions/{other.Id}/suspend", new { reason = "" }),
            HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync($"/operator/institutions/{Guid.NewGuid()}/reinstate", new { reason = "x" }),
            HttpStatusCode.NotFound, "not-found");

        Assert.Equal(before, await app.FullSnapshotAsync());
    }

    [SkippableFact]
    public async Task A_revoked_operator_key_is_refused()
    {
        var secret = await app.WithDbAsync(async db =>
        {
            var (secret, key) = global::Transcripts.Api.Infrastructure.ApiKeyAuthentication.NewOperatorKey("revoked", app.Clock.GetUtcNow());
            key.RevokedAt = app.Clock.GetUtcNow();
            db.OperatorKeys.Add(key);
            await db.SaveChangesAsync();
            return secret;
        });
        using var client = app.CreateClientFor(secret);

        await Problem.AssertAsync(await client.GetAsync("/operator/institutions"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private static string FindStatusList(JsonElement credential)
    {
        var text = credential.ToString();
        var start = text.IndexOf("statusListCredential", StringComparison.Ordinal);
        var quote = text.IndexOf("https://", start, StringComparison.Ordinal);
        return text[quote..text.IndexOf('"', quote)].Replace("\\/", "/", StringComparison.Ordinal);
    }

    public sealed class OnSqlite(SqliteApp app) : OperatorTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OperatorTests(app), IClassFixture<PostgresApp>;
}
