using System.Net;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>Signing in and out, invitations, lockout, antiforgery and the pages' security headers.</summary>
public sealed class WebAccountTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Sign_in_sets_a_secure_httponly_lax_session_cookie_and_pages_are_not_cached_and_carry_a_nonce_csp()
    {
        var school = await app.SeedInstitutionAsync();
        var email = await WebPeople.CreateAsync(app, school.Id, Roles.Registrar);
        using var client = WebPeople.Browser(app);

        var response = await WebPeople.SignInAsync(client, email);
        var home = await client.GetAsync("/app");

        Assert.Equal("/app", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("transcripts-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("no-store", home.Headers.CacheControl!.ToString());
        var csp = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'nonce-[A-Za-z0-9+/=]{24}'", csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains("<title>Home · Transcripts</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_inline_with_the_address_kept_and_five_lock_the_account()
    {
        var school = await app.SeedInstitutionAsync();
        var email = await WebPeople.CreateAsync(app, school.Id, Roles.Assessor);
        using var client = WebPeople.Browser(app);

        var wrong = await WebPeople.SignInAsync(client, email, "not the password at all");
        var html = await wrong.Content.ReadAsStringAsync();
        for (var i = 0; i < 4; i++)
        {
            await WebPeople.SignInAsync(client, email, "not the password at all");
        }
        var locked = await WebPeople.SignInAsync(client, email);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That e-mail address and password do not match an account.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("this account is locked for a while", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/app")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var school = await app.SeedInstitutionAsync();
        var email = await WebPeople.CreateAsync(app, school.Id, Roles.Learner, school.LearnerA);
        using var client = WebPeople.Browser(app);

        var signIn = await WebPeople.PostFormAsync(client, "/app/sign-in", new() { ["Email"] = email, ["Password"] = WebPeople.Password }, withToken: false);
        await WebPeople.SignInAsync(client, email);
        var share = await WebPeople.PostFormAsync(client, "/app/my/share", new() { ["ExpiresOn"] = "2026-09-10" }, withToken: false);
        var signOut = await WebPeople.PostFormAsync(client, "/app/sign-out", new(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, share.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.ShareLinks.CountAsync(l => l.LearnerId == school.LearnerA)));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_its_cookie_no_longer_opens_a_page()
    {
        var school = await app.SeedInstitutionAsync();
        var email = await WebPeople.CreateAsync(app, school.Id, Roles.Registrar);
        using var client = WebPeople.Browser(app);
        var signedIn = await WebPeople.SignInAsync(client, email);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("transcripts-session=", StringComparison.Ordinal)).Split(';')[0];

        var signOut = await WebPeople.PostFormAsync(client, "/app/sign-out", new(), formPage: "/app");
        using var replay = WebPeople.Browser(app);
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        app.Clock.Advance(TimeSpan.FromMinutes(2));   // past the security stamp's check interval
        var replayed = await replay.GetAsync("/app");

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/app")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
    }

    [Fact]
    public async Task An_invitation_makes_one_account_once_and_its_token_is_stored_only_as_a_hash()
    {
        var school = await app.SeedInstitutionAsync();
        var token = await WebPeople.InviteAsync(app, school.Id, Roles.Learner, school.LearnerA);
        using var first = WebPeople.Browser(app);
        using var second = WebPeople.Browser(app);
        var fields = new Dictionary<string, string> { ["Token"] = token, ["Password"] = WebPeople.Password, ["Confirm"] = WebPeople.Password };

        var accepted = await WebPeople.PostFormAsync(first, "/app/invitation", new(fields));
        var again = await WebPeople.PostFormAsync(second, "/app/invitation", new(fields));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/app/my/record")).StatusCode);
        Assert.Contains("This invitation code is unknown, already used or expired.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(p => p.InstitutionId == school.Id)));
        var stored = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.InstitutionId == school.Id));
        Assert.NotNull(stored.AcceptedAt);
        Assert.Equal(32, stored.TokenHash.Length);
        Assert.DoesNotContain(token, app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_invitation_and_a_short_password_are_refused_inline()
    {
        var school = await app.SeedInstitutionAsync();
        var expired = await WebPeople.InviteAsync(app, school.Id, Roles.Assessor);
        var fresh = await WebPeople.InviteAsync(app, school.Id, Roles.Assessor);
        using var client = WebPeople.Browser(app);

        var shortPassword = await WebPeople.PostFormAsync(client, "/app/invitation",
            new() { ["Token"] = fresh, ["Password"] = "short", ["Confirm"] = "short" });
        var mismatch = await WebPeople.PostFormAsync(client, "/app/invitation",
            new() { ["Token"] = fresh, ["Password"] = WebPeople.Password, ["Confirm"] = WebPeople.Password + "!" });
        app.Clock.Advance(TimeSpan.FromDays(8));
        var late = await WebPeople.PostFormAsync(client, "/app/invitation",
            new() { ["Token"] = expired, ["Password"] = WebPeople.Password, ["Confirm"] = WebPeople.Password });

        Assert.Contains("at least 12 characters", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The two passwords are not the same.", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This invitation code is unknown, already used or expired.", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(p => p.InstitutionId == school.Id)));
    }

    [Fact]
    public async Task A_registrar_invites_a_guardian_by_mail_but_cannot_invite_staff()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = await WebPeople.SignedInAsync(app, school.Id, Roles.Registrar);
        var email = $"parent-{Guid.NewGuid():N}@home.example";

        var staff = await WebPeople.PostFormAsync(registrar, "/app/people/invite",
            new() { ["DisplayName"] = "Would-be assessor", ["Email"] = "assessor@school.example", ["Role"] = Roles.Assessor });
        var noLearner = await WebPeople.PostFormAsync(registrar, "/app/people/invite",
            new() { ["DisplayName"] = "A parent", ["Email"] = email, ["Role"] = Roles.Learner });
        var sent = await WebPeople.PostFormAsync(registrar, "/app/people/invite",
            new() { ["DisplayName"] = "A parent", ["Email"] = email, ["Role"] = Roles.Learner, ["LearnerId"] = school.LearnerA.ToString(), ["IsGuardian"] = "true" });

        Assert.Contains("You cannot invite a person with the role assessor.", await staff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await noLearner.Content.ReadAsStringAsync();
        Assert.Contains("Choose the learner this account belongs to.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.Equal("/app/people/invite?sent=true", sent.Headers.Location!.OriginalString);
        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.InstitutionId == school.Id));
        Assert.True(invitation.IsGuardian);
        Assert.Equal(school.LearnerA, invitation.LearnerId);
        var mail = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        Assert.Matches("https://localhost/app/invitation#[A-Za-z0-9_-]{43}", mail);
    }
}
