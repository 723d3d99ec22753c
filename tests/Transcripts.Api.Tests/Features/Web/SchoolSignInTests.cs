using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.Accounts;
using static Transcripts.Api.Tests.Features.Web.FakeIdentityProvider;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// Sign-in with a school's own identity provider, through the real OpenID Connect handler against an in-process provider:
/// the first sign-in links an existing account of that school by the verified address, later ones go by the link; nothing
/// else signs in (an unverified or unknown address, another school's account, a spoiled id_token, a locked account, a
/// suspended school), and a refusal writes nothing. The account page links and unlinks.
/// </summary>
public abstract class SchoolSignInTests(TranscriptsApp app, SchoolProviders schools)
{
    private const string North = "north";

    /// <summary>The schools, once this app's database is known to be here (the PostgreSQL run is skipped without one).</summary>
    private SchoolProviders Schools
    {
        get
        {
            app.EnsureAvailable();
            return schools;
        }
    }

    private static string NewSubject() => "sub-" + Guid.NewGuid().ToString("N");

    /// <summary>The browser's way through: the sign-in page's button, the provider, the callback, then the page that decides.</summary>
    private async Task<HttpResponseMessage> SignInWithSchoolAsync(HttpClient client, string name, IdpUser user, Spoil spoil = Spoil.None)
    {
        var idp = Schools.IdpOf(name);
        idp.User = user;
        idp.Next = spoil;
        var start = await WebPeople.PostFormAsync(client, "/app/sign-in?handler=School", new() { ["Provider"] = name }, formPage: "/app/sign-in");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith(idp.Authority + "/authorize?", start.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        return await FollowAsync(client, idp, start.Headers.Location!);
    }

    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, FakeIdentityProvider idp, Uri authorize)
    {
        var callback = await idp.AuthorizeAsync(authorize);
        var back = await client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        return await client.GetAsync(back.Headers.Location);
    }

    private Task<Person> PersonAsync(string email) => app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(p => p.Email == email));

    private Task<List<IdentityUserLogin<Guid>>> LoginsAsync() => app.WithDbAsync(db => db.UserLogins.AsNoTracking().ToListAsync());

    private async Task<int> LoginCountAsync(string email)
    {
        var person = await PersonAsync(email);
        return (await LoginsAsync()).Count(l => l.UserId == person.Id);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string words)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(words, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>What the session cookie holds, unprotected as the cookie handler reads it.</summary>
    private AuthenticationTicket SessionTicketOf(string setCookie)
    {
        var value = setCookie.Split(';')[0]["transcripts-session=".Length..];
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(value) ?? throw new InvalidOperationException("The session cookie does not unprotect.");
    }

    private static async Task AssertSignedOutAsync(HttpClient client) =>
        Assert.StartsWith("https://localhost/app/sign-in", (await client.GetAsync("/app")).Headers.Location?.AbsoluteUri ?? "", StringComparison.Ordinal);

    [SkippableFact]
    public async Task The_first_sign_in_links_the_account_by_its_verified_address_with_its_role_and_institution_and_secure_cookies()
    {
        var email = await WebPeople.CreateAsync(app, Schools.SchoolOf(North).Id, Roles.Registrar);
        var subject = NewSubject();
        using var client = WebPeople.Browser(app);

        var signedIn = await SignInWithSchoolAsync(client, North, new(subject, email.ToUpperInvariant(), true));

        Assert.Equal("/app", signedIn.Headers.Location?.OriginalString);
        var sessionCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("transcripts-session=", StringComparison.Ordinal));
        var session = sessionCookie.ToLowerInvariant();
        Assert.Contains("secure", session, StringComparison.Ordinal);
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", session, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", session, StringComparison.Ordinal);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("transcripts-external=;", StringComparison.Ordinal));
        var ticket = SessionTicketOf(sessionCookie);
        Assert.DoesNotContain(ticket.Principal.Claims, c => c.Value.Contains(subject, StringComparison.Ordinal) || c.Type is "sub" or "email_verified" or "iss" or "nonce"
            || c.Value == "A person at the school");
        Assert.DoesNotContain(ticket.Properties.Items.Keys, k => k.StartsWith(".Token", StringComparison.Ordinal));   // no token saved
        Assert.Equal(Schools.SchoolOf(North).Id.ToString(), ticket.Principal.FindFirst(global::Transcripts.Api.Infrastructure.ApiKeyAuthentication.InstitutionClaim)?.Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/app/registrar/learners/{Schools.SchoolOf(North).LearnerA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/app/registrar/learners/{Schools.SchoolOf("south").LearnerA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/app/admin/keys")).StatusCode);
        var person = await PersonAsync(email);
        var login = Assert.Single(await LoginsAsync(), l => l.UserId == person.Id);
        Assert.Equal("oidc-north", login.LoginProvider);
        Assert.Equal(SchoolSignIn.ProviderKeyOf(Schools.IdpOf(North).Authority, subject), login.ProviderKey);
        Assert.Matches("^[0-9a-f]{64}$", login.ProviderKey);
        Assert.Contains($"Account {person.Id} signed in with the school's identity provider north", app.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(subject, app.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(email, app.Logs.All, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task A_later_sign_in_goes_by_the_link_after_the_address_changed_at_the_provider()
    {
        var email = await WebPeople.CreateAsync(app, Schools.SchoolOf(North).Id, Roles.Assessor);
        var subject = NewSubject();
        using (var first = WebPeople.Browser(app))
        {
            Assert.Equal("/app", (await SignInWithSchoolAsync(first, North, new(subject, email, true))).Headers.Location?.OriginalString);
        }
        using var later = WebPeople.Browser(app);

        var signedIn = await SignInWithSchoolAsync(later, North, new(subject, "renamed-" + email, false));

        Assert.Equal("/app", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/app/assess")).StatusCode);
        Assert.Equal(1, await LoginCountAsync(email));
    }

    [SkippableFact]
    public async Task An_unverified_or_unknown_address_or_another_schools_account_is_refused_and_nothing_is_written()
    {
        var north = Schools.SchoolOf(North).Id;
        var email = await WebPeople.CreateAsync(app, north, Roles.Assessor);
        var southEmail = await WebPeople.CreateAsync(app, Schools.SchoolOf("south").Id, Roles.Assessor);
        var before = await app.FullSnapshotAsync();
        var logins = (await LoginsAsync()).Count;
        using var client = WebPeople.Browser(app);

        var unverified = await SignInWithSchoolAsync(client, North, new(NewSubject(), email, false));
        var unknown = await SignInWithSchoolAsync(client, North, new(NewSubject(), $"nobody-{Guid.NewGuid():N}@school.example", true));
        var noAddress = await SignInWithSchoolAsync(client, North, new(NewSubject(), null, true));
        var otherSchool = await SignInWithSchoolAsync(client, North, new(NewSubject(), southEmail, true));

        await AssertRefusedAsync(unverified, "did not confirm your e-mail address");
        await AssertRefusedAsync(unknown, "ask your registrar for one");
        await AssertRefusedAsync(noAddress, "ask your registrar for one");
        await AssertRefusedAsync(otherSchool, "ask your registrar for one");
        await AssertSignedOutAsync(client);
        Assert.Equal(before, await app.FullSnapshotAsync());
        Assert.Equal(logins, (await LoginsAsync()).Count);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(p => p.Email!.StartsWith("nobody-"))));
        Assert.Contains("was refused: Unverified", app.Logs.All, StringComparison.Ordinal);
        Assert.Contains("was refused: NoAccount", app.Logs.All, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_id_token_of_another_issuer_signature_nonce_or_audience_is_refused()
    {
        var email = await WebPeople.CreateAsync(app, Schools.SchoolOf(North).Id, Roles.Assessor);
        var logins = (await LoginsAsync()).Count;
        var issued = Schools.IdpOf(North).TokensIssued;

        foreach (var spoil in new[] { Spoil.WrongIssuer, Spoil.BadSignature, Spoil.WrongNonce, Spoil.WrongAudience })
        {
            using var client = WebPeople.Browser(app);
            var refused = await SignInWithSchoolAsync(client, North, new(NewSubject(), email, true), spoil);

            await AssertRefusedAsync(refused, "Signing in with your school account did not complete");
            await AssertSignedOutAsync(client);
        }
        Assert.Equal(logins, (await LoginsAsync()).Count);
        Assert.Equal(issued + 4, Schools.IdpOf(North).TokensIssued);   // each was answered, and refused by the service
        Assert.Contains("A sign-in with the school's identity provider north was refused: ", app.Logs.All, StringComparison.Ordinal);
        using var honest = WebPeople.Browser(app);
        Assert.Equal("/app", (await SignInWithSchoolAsync(honest, North, new(NewSubject(), email, true))).Headers.Location?.OriginalString);
    }

    [SkippableFact]
    public async Task A_locked_account_is_refused_and_gets_no_link()
    {
        var email = await WebPeople.CreateAsync(app, Schools.SchoolOf(North).Id, Roles.Learner, Schools.SchoolOf(North).LearnerA);
        var linkedEmail = await WebPeople.CreateAsync(app, Schools.SchoolOf(North).Id, Roles.Assessor);
        var linkedSubject = NewSubject();
        using (var first = WebPeople.Browser(app))
        {
            await SignInWithSchoolAsync(first, North, new(linkedSubject, linkedEmail, true));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            foreach (var address in new[] { email, linkedEmail })
            {
                await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(address))!, DateTimeOffset.MaxValue);   // Identity reads the system clock
            }
        }
        using var client = WebPeople.Browser(app);

        var unlinked = await SignInWithSchoolAsync(client, North, new(NewSubject(), email, true));
        var linked = await SignInWithSchoolAsync(client, North, new(linkedSubject, linkedEmail, true));

        await AssertRefusedAsync(unlinked, "This account is locked for a while");
        await AssertRefusedAsync(linked, "This account is locked for a while");
        await AssertSignedOutAsync(client);
        Assert.Equal(0, await LoginCountAsync(email));
    }

    [SkippableFact]
    public async Task A_suspended_schools_people_are_refused()
    {
        var east = Schools.SchoolOf("east");
        var email = await WebPeople.CreateAsync(app, east.Id, Roles.Assessor);
        using var op = await WebPeople.SignedInOperatorAsync(app);
        var page = $"/app/operator/institutions/{east.Id}";
        var suspended = await WebPeople.PostFormAsync(op, page + "?handler=suspend", new() { ["Reason"] = "Unpaid invoice", ["Confirm"] = "true" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        using var client = WebPeople.Browser(app);

        var refused = await SignInWithSchoolAsync(client, "east", new(NewSubject(), email, true));

        await AssertRefusedAsync(refused, "Your school's use of this service is suspended");
        await AssertSignedOutAsync(client);
        Assert.Equal(0, await LoginCountAsync(email));
    }

    [SkippableFact]
    public async Task The_account_page_links_and_unlinks_the_school_account_with_antiforgery()
    {
        var email = await WebPeople.CreateAsync(app, Schools.SchoolOf(North).Id, Roles.Assessor);
        using var client = WebPeople.Browser(app);
        await WebPeople.SignInAsync(client, email);
        var subject = NewSubject();
        var idp = Schools.IdpOf(North);
        idp.User = new(subject, "not-the-same-" + email, false);   // a link needs no matching address: the person is signed in

        var page = await client.GetStringAsync("/app/account");
        var forged = await WebPeople.PostFormAsync(client, "/app/account?handler=LinkSchool", new() { ["Provider"] = North }, withToken: false);
        var otherSchool = await WebPeople.PostFormAsync(client, "/app/account?handler=LinkSchool", new() { ["Provider"] = "south" }, formPage: "/app/account");
        var start = await WebPeople.PostFormAsync(client, "/app/account?handler=LinkSchool", new() { ["Provider"] = North }, formPage: "/app/account");
        var linked = await FollowAsync(client, idp, start.Headers.Location!);
        var linkedPage = await client.GetStringAsync("/app/account");
        using var other = WebPeople.Browser(app);
        var byLink = await SignInWithSchoolAsync(other, North, new(subject, null, false));
        var forgedUnlink = await WebPeople.PostFormAsync(client, "/app/account?handler=UnlinkSchool", new() { ["Provider"] = North }, withToken: false);
        var unlinked = await WebPeople.PostFormAsync(client, "/app/account?handler=UnlinkSchool", new() { ["Provider"] = North }, formPage: "/app/account");
        using var afterwards = WebPeople.Browser(app);
        var notAnyMore = await SignInWithSchoolAsync(afterwards, North, new(subject, null, false));

        Assert.Contains("Link my North School account", page, StringComparison.Ordinal);
        Assert.DoesNotContain("South School", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);
        Assert.Equal("/app/account?done=linked", linked.Headers.Location?.OriginalString);
        Assert.Contains("Unlink my North School account", linkedPage, StringComparison.Ordinal);
        Assert.Equal("/app", byLink.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, forgedUnlink.StatusCode);
        Assert.Equal("/app/account?done=unlinked", unlinked.Headers.Location?.OriginalString);
        await AssertRefusedAsync(notAnyMore, "did not confirm your e-mail address");
        Assert.Equal(0, await LoginCountAsync(email));
    }

    [SkippableFact]
    public async Task Starting_a_school_sign_in_needs_the_antiforgery_token_and_a_configured_provider()
    {
        app.EnsureAvailable();
        using var client = WebPeople.Browser(app);

        var forged = await WebPeople.PostFormAsync(client, "/app/sign-in?handler=School", new() { ["Provider"] = North }, withToken: false);
        var unknown = await WebPeople.PostFormAsync(client, "/app/sign-in?handler=School", new() { ["Provider"] = "west" }, formPage: "/app/sign-in");
        var page = await client.GetStringAsync("/app/sign-in");
        var csp = (await client.GetAsync("/app/sign-in")).Headers.GetValues("Content-Security-Policy").Single();
        var elsewhere = (await client.GetAsync("/app/invitation")).Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Sign in with North School", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with South School", page, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://idp-", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", elsewhere, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/app/sign-in/oidc/west")).StatusCode);
    }

    public sealed class OnSqlite(SchoolSignInSqliteApp app) : SchoolSignInTests(app, app.Schools), IClassFixture<SchoolSignInSqliteApp>;

    public sealed class OnPostgres(SchoolSignInPostgresApp app) : SchoolSignInTests(app, app.Schools), IClassFixture<SchoolSignInPostgresApp>;
}
