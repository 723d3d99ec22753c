using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Cli;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// The operator's console over TestServer: a new institution's first admin is invited (no admin key is made) and the link
/// works; bad input is said inline with nothing saved; suspension needs a reason and a confirmation and shuts the institution's
/// people out of their pages until reinstated; operator keys are shown once and the last cannot be revoked; an institution's
/// admin gets 404 for every operator page.
/// </summary>
public sealed partial class OperatorPageTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Creating_an_institution_invites_its_first_admin_and_bad_input_saves_nothing()
    {
        using var op = await WebPeople.SignedInOperatorAsync(app);
        var before = await app.WithDbAsync(db => db.Institutions.CountAsync());
        var taken = await WebPeople.CreateAsync(app, (await app.SeedInstitutionAsync()).Id, Roles.Registrar);
        var countBefore = await app.WithDbAsync(db => db.Institutions.CountAsync());

        var bad = await WebPeople.PostFormAsync(op, "/app/operator?handler=create", new() { ["Name"] = "", ["AdminEmail"] = "not an address", ["AdminName"] = "Ada" });
        var clash = await WebPeople.PostFormAsync(op, "/app/operator?handler=create", new() { ["Name"] = "Hill School", ["AdminEmail"] = taken, ["AdminName"] = "Ada" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Name-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"AdminEmail-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"not an address\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"AdminEmail-error\"", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(countBefore, await app.WithDbAsync(db => db.Institutions.CountAsync()));
        Assert.True(countBefore > before);

        var email = $"first-admin-{Guid.NewGuid():N}@hill.example";
        var created = await WebPeople.PostFormAsync(op, "/app/operator?handler=create", new() { ["Name"] = "Hill School", ["AdminEmail"] = email, ["AdminName"] = "Ada Hill" });
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        Assert.Contains("“Hill School” is created", html, StringComparison.Ordinal);
        var token = Link().Match(html).Groups[1].Value;
        var invitation = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email));
        Assert.Equal(Roles.Admin, invitation.Role);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.InstitutionId == invitation.InstitutionId)));
        Assert.Contains("Hill School", await op.GetStringAsync("/app/operator"), StringComparison.Ordinal);

        using var admin = WebPeople.Browser(app);
        var accepted = await WebPeople.PostFormAsync(admin, "/app/invitation", new() { ["Token"] = token, ["Password"] = WebPeople.Password, ["Confirm"] = WebPeople.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/app/admin/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/app/operator")).StatusCode);
    }

    [Fact]
    public async Task Suspending_needs_a_reason_and_a_confirmation_and_shuts_the_institutions_people_out_until_reinstated()
    {
        var seeded = await Seeded.CreateAsync(app);
        var school = seeded.School;
        using var op = await WebPeople.SignedInOperatorAsync(app);
        using var registrar = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var page = $"/app/operator/institutions/{school.Id}";

        var list = await op.GetStringAsync("/app/operator");
        var unconfirmed = await WebPeople.PostFormAsync(op, page + "?handler=suspend", new() { ["Reason"] = "Unpaid invoice" }, formPage: page);
        var noReason = await WebPeople.PostFormAsync(op, page + "?handler=suspend", new() { ["Reason"] = "", ["Confirm"] = "true" }, formPage: page);
        Assert.DoesNotContain(await app.WithDbAsync(db => db.Learners.Where(l => l.Id == school.LearnerA).Select(l => l.Name).SingleAsync()), list, StringComparison.Ordinal);
        Assert.Contains("id=\"Confirm-error\"", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Unpaid invoice</textarea>", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"Reason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == school.Id).Select(i => i.SuspendedAt).SingleAsync()));

        var suspended = await WebPeople.PostFormAsync(op, page + "?handler=suspend", new() { ["Reason"] = "Unpaid invoice", ["Confirm"] = "true" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync("/app/registrar")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClientFor(school.Registrar).GetAsync($"/learners/{school.LearnerA}/record")).StatusCode);
        Assert.Contains("Suspended", await op.GetStringAsync("/app/operator"), StringComparison.Ordinal);

        var noReinstatementReason = await WebPeople.PostFormAsync(op, page + "?handler=reinstate", new() { ["Reason"] = " ", ["Confirm"] = "true" }, formPage: page);
        var reinstatementUnconfirmed = await WebPeople.PostFormAsync(op, page + "?handler=reinstate", new() { ["Reason"] = "Invoice paid" }, formPage: page);
        Assert.Contains("id=\"Reason-error\"", await noReinstatementReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"Confirm-error\"", await reinstatementUnconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Invoice paid</textarea>", await reinstatementUnconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == school.Id).Select(i => i.SuspendedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync("/app/registrar")).StatusCode);

        var reinstated = await WebPeople.PostFormAsync(op, page + "?handler=reinstate", new() { ["Reason"] = "Invoice paid", ["Confirm"] = "true" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, reinstated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync("/app/registrar")).StatusCode);
        Assert.Equal("Invoice paid", await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == school.Id).Select(i => i.ReinstatementReason).SingleAsync()));
        Assert.Contains("reinstated", await op.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspension_made_on_another_instance_ends_the_institutions_sessions_here_once_the_cache_bound_has_passed()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync("/app/registrar")).StatusCode);

        // Suspended as another instance sharing the database would: this instance's cache is not told.
        await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == school.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.SuspendedAt, app.Clock.GetUtcNow()).SetProperty(i => i.SuspensionReason, "Elsewhere")));
        var bound = TimeSpan.FromSeconds(new ApiKeyOptions().CacheSeconds);
        app.Clock.Advance(bound - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync("/app/registrar")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync("/app/registrar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync("/app/registrar/learners")).StatusCode);
    }

    [Fact]
    public async Task An_operator_invited_on_the_command_line_accepts_on_the_invitation_page_and_reaches_the_operator_console()
    {
        using var admin = await WebPeople.SignedInAsync(app, (await app.SeedInstitutionAsync()).Id, Roles.Admin);
        var email = $"ops-{Guid.NewGuid():N}@district.example";
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // The service's own command, on the service's data folder, as on its machine.
        var exit = await AdminCli.RunAsync(["operator", "invite", email, "--name", "Dana Ops", "--Storage:Provider", "Sqlite",
            "--Storage:DataDirectory", app.DataDirectory, "--Signing:KeyEncryptionKey", TranscriptsApp.Kek], stdout, stderr, Program.BuildApp);
        Assert.True(exit == ExitCodes.Done, stderr.ToString());
        var link = stdout.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.Contains("/app/invitation#", StringComparison.Ordinal));
        var token = Uri.UnescapeDataString(link[(link.IndexOf('#', StringComparison.Ordinal) + 1)..]);

        using var person = WebPeople.Browser(app);
        var before = await person.GetAsync("/app/operator");
        var accepted = await WebPeople.PostFormAsync(person, "/app/invitation", new() { ["Token"] = token, ["Password"] = WebPeople.Password, ["Confirm"] = WebPeople.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, before.StatusCode);
        var console = await person.GetAsync("/app/operator");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Institutions", await console.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // Signed out and in again with the chosen password, the account is still the operator's.
        using var again = WebPeople.Browser(app);
        var signedIn = await WebPeople.SignInAsync(again, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/app/operator")).StatusCode);
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(p => p.Email == email));
        Assert.Equal(Roles.Operator, account.Role);
        Assert.Null(account.InstitutionId);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/app/operator")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/app/operator/keys")).StatusCode);
    }

    [Fact]
    public async Task An_operator_keys_secret_is_shown_once_and_works_and_the_last_key_cannot_be_revoked()
    {
        await app.OperatorKeyAsync();
        using var op = await WebPeople.SignedInOperatorAsync(app);
        var made = await WebPeople.PostFormAsync(op, "/app/operator/keys?handler=create", new() { ["Name"] = "Billing system" }, formPage: "/app/operator/keys");
        var html = await made.Content.ReadAsStringAsync();
        var secret = Secret().Match(html).Groups[1].Value;
        Assert.StartsWith("trk_", secret);
        Assert.Equal("no-store", made.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(secret, await op.GetStringAsync("/app/operator/keys"), StringComparison.Ordinal);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/operator/institutions")).StatusCode);

        var active = await app.WithDbAsync(db => db.OperatorKeys.Where(k => k.RevokedAt == null).Select(k => k.Id).ToListAsync());
        foreach (var id in active.Skip(1))
        {
            var confirm = await op.GetStringAsync($"/app/operator/keys?revoke={id}");
            Assert.Contains("Revoke the key", confirm, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await WebPeople.PostFormAsync(op, "/app/operator/keys?handler=revoke", new() { ["KeyId"] = id.ToString() },
                formPage: $"/app/operator/keys?revoke={id}")).StatusCode);
        }
        var last = await WebPeople.PostFormAsync(op, "/app/operator/keys?handler=revoke", new() { ["KeyId"] = active[0].ToString() }, formPage: "/app/operator/keys");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("class=\"errors\"", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.OperatorKeys.Where(k => k.Id == active[0]).Select(k => k.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task An_institutions_admin_gets_404_for_every_operator_page_and_form()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = await WebPeople.SignedInAsync(app, seeded.School.Id, Roles.Admin);
        var before = await app.WithDbAsync(db => db.Institutions.CountAsync());
        foreach (var page in new[] { "/app/operator", $"/app/operator/institutions/{seeded.School.Id}", "/app/operator/keys" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(page)).StatusCode);
        }
        var create = await WebPeople.PostFormAsync(admin, "/app/operator?handler=create",
            new() { ["Name"] = "Sneaky", ["AdminEmail"] = "sneaky@school.example", ["AdminName"] = "Sneaky" }, formPage: "/app/admin/keys");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Institutions.CountAsync()));
    }

    [GeneratedRegex("<code class=\"token\">[^<#]*/app/invitation#([^<]+)</code>")]
    private static partial Regex Link();

    [GeneratedRegex("<code class=\"token\">(trk_[^<]+)</code>")]
    private static partial Regex Secret();
}
