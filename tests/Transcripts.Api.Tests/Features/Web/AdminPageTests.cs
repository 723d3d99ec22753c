using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The admin's pages over TestServer: rotating needs a confirmation and revoking a signing key a reason and a time not in the
/// future; a new API key's secret is on the answer to its form only; the audit chain check and the disclosure log read this
/// institution only; bad input is shown next to its field with nothing saved; another institution's ids answer 404; a
/// registrar is kept out.
/// </summary>
public sealed partial class AdminPageTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Keys = "/app/admin/keys";
    private const string ApiKeys = "/app/admin/api-keys";

    private Task<string> SigningKeysOf(Guid institutionId) => app.WithDbAsync(async db => string.Join(",",
        (await db.SigningKeys.AsNoTracking().Where(k => k.InstitutionId == institutionId).ToListAsync())
            .OrderBy(k => k.CreatedAt).Select(k => $"{k.Id}:{k.RetiredAt}:{k.RevokedAt}")));

    private Task<string> ApiKeysOf(Guid institutionId) => app.WithDbAsync(async db => string.Join(",",
        (await db.ApiKeys.AsNoTracking().Where(k => k.InstitutionId == institutionId).ToListAsync()).OrderBy(k => k.Id).Select(k => $"{k.Id}:{k.RevokedAt}")));

    [Fact]
    public async Task Rotate_needs_its_confirmation_and_then_retires_the_active_key()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);
        var before = await SigningKeysOf(seeded.School.Id);

        var unconfirmed = await WebPeople.PostFormAsync(admin, Keys + "?handler=rotate", new() { ["KeyType"] = "P-256" }, formPage: Keys);
        var badType = await WebPeople.PostFormAsync(admin, Keys + "?handler=rotate", new() { ["KeyType"] = "RSA", ["Confirm"] = "true" }, formPage: Keys);

        Assert.Contains("id=\"Confirm-error\"", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The key type is Ed25519 or P-256.", await badType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SigningKeysOf(seeded.School.Id));

        var rotated = await WebPeople.PostFormAsync(admin, Keys + "?handler=rotate", new() { ["KeyType"] = "P-256", ["Confirm"] = "true" }, formPage: Keys);

        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        var keys = await app.WithDbAsync(db => db.SigningKeys.AsNoTracking().Where(k => k.InstitutionId == seeded.School.Id).ToListAsync());
        Assert.Equal(2, keys.Count);
        Assert.NotNull(keys.Single(k => k.Id == seeded.SigningKeyId).RetiredAt);
        Assert.Equal("P256", keys.Single(k => k.Id != seeded.SigningKeyId).KeyType);
        Assert.Contains("A new key is active.", await admin.GetStringAsync(rotated.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_shows_what_it_does_refuses_a_future_time_or_no_reason_and_then_revokes_from_the_time_given()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);
        var page = $"{Keys}?revoke={seeded.SigningKeyId}";
        var before = await SigningKeysOf(seeded.School.Id);

        var confirmation = await admin.GetStringAsync(page);
        var future = await WebPeople.PostFormAsync(admin, Keys + "?handler=revoke", new()
        {
            ["KeyId"] = seeded.SigningKeyId.ToString(), ["CompromisedFrom"] = "2026-09-03T10:00", ["Reason"] = "Laptop stolen",
        }, formPage: page);
        var noReason = await WebPeople.PostFormAsync(admin, Keys + "?handler=revoke", new()
        {
            ["KeyId"] = seeded.SigningKeyId.ToString(), ["CompromisedFrom"] = "2026-08-30T10:00", ["Reason"] = "",
        }, formPage: page);

        Assert.Contains("this is the active key", confirmation, StringComparison.Ordinal);
        var html = await future.Content.ReadAsStringAsync();
        Assert.Contains("id=\"CompromisedFrom-error\"", html, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", html, StringComparison.Ordinal);
        Assert.Contains("Laptop stolen</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SigningKeysOf(seeded.School.Id));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Keys}?revoke={other.SigningKeyId}")).StatusCode);
        var theirs = await WebPeople.PostFormAsync(admin, Keys + "?handler=revoke", new()
        {
            ["KeyId"] = other.SigningKeyId.ToString(), ["CompromisedFrom"] = "2026-08-30T10:00", ["Reason"] = "Not mine to revoke",
        }, formPage: Keys);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.SigningKeys.Where(k => k.Id == other.SigningKeyId).Select(k => k.RevokedAt).SingleAsync()));

        var revoked = await WebPeople.PostFormAsync(admin, Keys + "?handler=revoke", new()
        {
            ["KeyId"] = seeded.SigningKeyId.ToString(), ["CompromisedFrom"] = "2026-08-30T10:00", ["Reason"] = "Laptop stolen",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 8, 30, 10, 0, 0, TimeSpan.Zero),
            await app.WithDbAsync(db => db.SigningKeys.Where(k => k.Id == seeded.SigningKeyId).Select(k => k.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_new_api_keys_secret_is_shown_once_and_works_and_bad_input_saves_nothing()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);
        var before = await ApiKeysOf(seeded.School.Id);

        var noName = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=create", new() { ["Name"] = "", ["Role"] = "registrar" }, formPage: ApiKeys);
        var noLearner = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=create", new() { ["Name"] = "Parent app", ["Role"] = "learner" }, formPage: ApiKeys);
        var past = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=create",
            new() { ["Name"] = "Old export", ["Role"] = "registrar", ["ExpiresOn"] = "2026-08-01" }, formPage: ApiKeys);

        Assert.Contains("id=\"Name-error\"", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await noLearner.Content.ReadAsStringAsync();
        Assert.Contains("id=\"LearnerId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Parent app\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"ExpiresOn-error\"", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ApiKeysOf(seeded.School.Id));

        var created = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=create", new() { ["Name"] = "SIS export", ["Role"] = "registrar" }, formPage: ApiKeys);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var secret = Secret().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("trk_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await admin.GetStringAsync(ApiKeys), StringComparison.Ordinal);
        using var machine = app.CreateClientFor(secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync($"/learners/{seeded.School.LearnerA}/record")).StatusCode);
    }

    [Fact]
    public async Task Revoking_an_api_key_is_confirmed_first_and_another_institutions_key_is_404()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);

        Assert.Contains("Revoke the key “spare”?", WebUtility.HtmlDecode(await admin.GetStringAsync($"{ApiKeys}?revoke={seeded.SpareKeyId}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{ApiKeys}?revoke={other.SpareKeyId}")).StatusCode);
        var theirs = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=revoke", new() { ["KeyId"] = other.SpareKeyId.ToString() }, formPage: ApiKeys);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == other.SpareKeyId).Select(k => k.RevokedAt).SingleAsync()));

        var revoked = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=revoke", new() { ["KeyId"] = seeded.SpareKeyId.ToString() }, formPage: ApiKeys);
        var again = await WebPeople.PostFormAsync(admin, ApiKeys + "?handler=revoke", new() { ["KeyId"] = seeded.SpareKeyId.ToString() }, formPage: ApiKeys);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.NotNull(await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == seeded.SpareKeyId).Select(k => k.RevokedAt).SingleAsync()));
        Assert.Contains($"API key {seeded.SpareKeyId} was revoked on", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_pages_and_checks_its_chain_and_a_bad_page_number_is_said_inline()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);
        var events = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.InstitutionId == seeded.School.Id));

        var list = await admin.GetStringAsync("/app/admin/audit");
        var checkedChain = await WebPeople.PostFormAsync(admin, "/app/admin/audit?handler=verify", new() { ["PageNumber"] = "1" }, formPage: "/app/admin/audit");
        var badPage = await admin.GetAsync("/app/admin/audit?pageNumber=0");

        Assert.Contains($"{events} events, newest first", list, StringComparison.Ordinal);
        Assert.Contains("The chain is intact.", await checkedChain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badPage.StatusCode);
        Assert.Contains("id=\"PageNumber-error\"", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_disclosure_log_lists_this_institutions_disclosures_only()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var stranger = app.CreateClientFor(other.School.Registrar);
        (await registrar.GetAsync($"/learners/{seeded.School.LearnerA}/record")).EnsureSuccessStatusCode();
        (await stranger.GetAsync($"/learners/{other.School.LearnerA}/record")).EnsureSuccessStatusCode();
        var count = await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.InstitutionId == seeded.School.Id));

        var html = await admin.GetStringAsync("/app/admin/disclosures");
        var badPage = await admin.GetAsync("/app/admin/disclosures?pageNumber=0");

        Assert.Contains($"{count} disclosure{(count == 1 ? "" : "s")}, newest first", html, StringComparison.Ordinal);
        Assert.Contains($"/app/registrar/learners/{seeded.School.LearnerA}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.School.LearnerA.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("id=\"PageNumber-error\"", await badPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registrar_gets_404_for_every_admin_page_and_form()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Registrar);
        var before = await ApiKeysOf(seeded.School.Id);

        foreach (var page in new[] { Keys, ApiKeys, "/app/admin/audit", "/app/admin/disclosures" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync(page)).StatusCode);
        }
        var create = await WebPeople.PostFormAsync(registrar, ApiKeys + "?handler=create", new() { ["Name"] = "Sneaky", ["Role"] = "admin" }, formPage: "/app/registrar");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(before, await ApiKeysOf(seeded.School.Id));
    }

    [GeneratedRegex("<code class=\"token\">([^<]+)</code>")]
    private static partial Regex Secret();
}
