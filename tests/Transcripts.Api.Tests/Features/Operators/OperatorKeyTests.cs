using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.Operators;

/// <summary>
/// Operator keys are listed, made and revoked by an operator through the API. A new key's secret is in the answer that
/// made it and nowhere else; a revoked key is refused (at once here, elsewhere within <c>ApiKeys:CacheSeconds</c>); the last
/// active key is kept, so the service is never left without an operator; no institution's key reaches any of it.
/// </summary>
public abstract partial class OperatorKeyTests(TranscriptsApp app)
{
    private async Task<HttpClient> OperatorAsync() => app.CreateClientFor(await app.OperatorKeyAsync());

    [SkippableFact]
    public async Task A_new_operator_key_is_shown_once_audited_and_stops_working_when_revoked()
    {
        using var operatorClient = await OperatorAsync();
        var operatorId = await app.WithDbAsync(async db => (await db.OperatorKeys.SingleAsync(k => k.Name == "test operator")).Id);

        using var response = await operatorClient.PostAsJsonAsync("/operator/keys", new { name = "Second operator" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var createdBody = await response.Content.ReadAsStringAsync();
        var created = await Seeded.Json(response);
        var secret = created.GetProperty("secret").GetString()!;
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches(SecretShape(), secret);
        using var second = app.CreateClientFor(secret);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/operator/institutions")).StatusCode);
        var listed = await operatorClient.GetStringAsync("/operator/keys");
        Assert.Contains(id.ToString(), listed);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain(secret, await operatorClient.GetStringAsync("/operator/keys?includeRevoked=true"));
        var stored = await app.WithDbAsync(db => db.OperatorKeys.AsNoTracking().SingleAsync(k => k.Id == id));
        Assert.Equal(ApiKeyAuthentication.HashOf(secret), stored.Hash);
        Assert.Equal(secret[..10], stored.Prefix);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/operator/keys/{id}/revoke", null)).StatusCode);

        await Problem.AssertAsync(await second.GetAsync("/operator/institutions"), HttpStatusCode.Unauthorized, "unauthenticated");
        await Problem.AssertAsync(await operatorClient.PostAsync($"/operator/keys/{id}/revoke", null), HttpStatusCode.Conflict, "already-revoked");
        await Problem.AssertAsync(await operatorClient.PostAsync($"/operator/keys/{Guid.NewGuid()}/revoke", null), HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(id.ToString(), await operatorClient.GetStringAsync("/operator/keys"));
        var withRevoked = await Seeded.Json(await operatorClient.GetAsync("/operator/keys?includeRevoked=true"));
        Assert.Contains(withRevoked.EnumerateArray(), k => k.GetProperty("id").GetGuid() == id && k.GetProperty("revokedAt").ValueKind == System.Text.Json.JsonValueKind.String);
        // Like an institution's keys, each write of the key is a link of the audit chain naming the operator key that made it.
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "OperatorKey" && e.EntityId == id.ToString())
            .OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["created", "updated"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("key:" + operatorId, e.Actor));
        Assert.All(events, e => Assert.Null(e.InstitutionId));
        Assert.DoesNotContain(secret, app.Logs.All);
        Assert.Contains(secret, createdBody);
    }

    [SkippableFact]
    public async Task The_last_active_operator_key_cannot_be_revoked()
    {
        using var operatorClient = await OperatorAsync();
        var own = await app.WithDbAsync(async db => (await db.OperatorKeys.SingleAsync(k => k.Name == "test operator")).Id);
        foreach (var other in (await Seeded.Json(await operatorClient.GetAsync("/operator/keys"))).EnumerateArray()
                     .Select(k => k.GetProperty("id").GetGuid()).Where(k => k != own))
        {
            (await operatorClient.PostAsync($"/operator/keys/{other}/revoke", null)).EnsureSuccessStatusCode();
        }
        var audited = await app.SnapshotAsync();

        var refused = await Problem.AssertAsync(await operatorClient.PostAsync($"/operator/keys/{own}/revoke", null), HttpStatusCode.Conflict, "last-operator-key");

        Assert.Contains("last active operator key", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/operator/institutions")).StatusCode);
        Assert.Null(await app.WithDbAsync(async db => (await db.OperatorKeys.AsNoTracking().SingleAsync(k => k.Id == own)).RevokedAt));
        Assert.Equal(audited, await app.SnapshotAsync());
        // With a second key, the first may go: the caller's own key included.
        var spare = await Seeded.Json(await operatorClient.PostAsJsonAsync("/operator/keys", new { name = "Spare operator" }));
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsync($"/operator/keys/{spare.GetProperty("id").GetGuid()}/revoke", null)).StatusCode);
    }

    [SkippableTheory]
    [InlineData("admin")]
    [InlineData("registrar")]
    [InlineData("assessor")]
    [InlineData("learner")]
    public async Task An_institution_key_gets_403_on_every_operator_key_endpoint(string role)
    {
        var school = await app.SeedInstitutionAsync();
        using var client = app.CreateClientFor(school.KeyFor(role));
        var operatorId = await app.WithDbAsync(async db =>
        {
            await app.OperatorKeyAsync();
            return (await db.OperatorKeys.SingleAsync(k => k.Name == "test operator")).Id;
        });
        var before = await app.WithDbAsync(db => db.OperatorKeys.AsNoTracking().CountAsync(k => k.RevokedAt == null));

        await Problem.AssertAsync(await client.GetAsync("/operator/keys"), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await client.PostAsJsonAsync("/operator/keys", new { name = "Sneaky" }), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await client.PostAsync($"/operator/keys/{operatorId}/revoke", null), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(before, await app.WithDbAsync(db => db.OperatorKeys.AsNoTracking().CountAsync(k => k.RevokedAt == null)));
    }

    [SkippableFact]
    public async Task An_operator_key_revoked_elsewhere_is_refused_here_once_the_cache_bound_has_passed()
    {
        using var operatorClient = await OperatorAsync();
        var spare = await Seeded.Json(await operatorClient.PostAsJsonAsync("/operator/keys", new { name = "Cached operator" }));
        var id = spare.GetProperty("id").GetGuid();
        using var cached = app.CreateClientFor(spare.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await cached.GetAsync("/operator/keys")).StatusCode);

        // Revoked as another instance sharing the database would: this instance's cache is not told.
        await app.WithDbAsync(db => db.OperatorKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, app.Clock.GetUtcNow())));
        var bound = TimeSpan.FromSeconds(new ApiKeyOptions().CacheSeconds);
        app.Clock.Advance(bound - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await cached.GetAsync("/operator/keys")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        await Problem.AssertAsync(await cached.GetAsync("/operator/keys"), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [SkippableFact]
    public async Task A_nameless_operator_key_is_refused_and_nothing_is_made()
    {
        using var operatorClient = await OperatorAsync();
        var before = await app.WithDbAsync(db => db.OperatorKeys.AsNoTracking().CountAsync());

        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync("/operator/keys", new { name = "" }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await operatorClient.PostAsJsonAsync("/operator/keys", new { name = new string('x', 201) }), HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(before, await app.WithDbAsync(db => db.OperatorKeys.AsNoTracking().CountAsync()));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^trk_[A-Za-z0-9_-]{43}$")]
    private static partial System.Text.RegularExpressions.Regex SecretShape();

    public sealed class OnSqlite(SqliteApp app) : OperatorKeyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : OperatorKeyTests(app), IClassFixture<PostgresApp>;
}
