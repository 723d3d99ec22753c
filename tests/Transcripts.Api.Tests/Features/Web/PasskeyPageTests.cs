using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// Passkeys over TestServer with a software authenticator: accepting an invitation with one, signing in with it, the account
/// page, and every refusal (malformed JSON, a forged challenge, a replayed assertion, a locked account, no antiforgery token)
/// answered on the page, nothing half-saved.
/// </summary>
public sealed class PasskeyPageTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Origin = "https://localhost";

    private HttpClient Browser()
    {
        var client = WebPeople.Browser(app);
        client.DefaultRequestHeaders.Add("Origin", Origin);   // a browser sends it with every POST; Identity checks it
        return client;
    }

    private static async Task<string> OptionsAsync(HttpClient client, string page, Dictionary<string, string>? fields = null)
    {
        var response = await WebPeople.PostFormAsync(client, $"{page}?handler=PasskeyOptions", fields ?? [], formPage: page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(HttpResponseMessage Response, SoftAuthenticator Authenticator)> AcceptWithPasskeyAsync(HttpClient client, string token)
    {
        var authenticator = new SoftAuthenticator();
        var options = await OptionsAsync(client, "/app/invitation", new() { ["Token"] = token });
        var response = await WebPeople.PostFormAsync(client, "/app/invitation?handler=Passkey",
            new() { ["Token"] = token, ["CredentialJson"] = authenticator.Create(options, Origin) }, formPage: "/app/invitation");
        return (response, authenticator);
    }

    private static async Task<HttpResponseMessage> SignInWithPasskeyAsync(HttpClient client, SoftAuthenticator authenticator) =>
        await WebPeople.PostFormAsync(client, "/app/sign-in?handler=Passkey",
            new() { ["CredentialJson"] = authenticator.Get(await OptionsAsync(client, "/app/sign-in"), Origin) }, formPage: "/app/sign-in");

    [Fact]
    public async Task An_invitation_accepted_with_a_passkey_makes_an_account_without_password_that_signs_in_with_it()
    {
        var school = await app.SeedInstitutionAsync();
        var token = await WebPeople.InviteAsync(app, school.Id, Roles.Assessor);
        using var first = Browser();

        var (accepted, authenticator) = await AcceptWithPasskeyAsync(first, token);
        using var later = Browser();
        var signedIn = await SignInWithPasskeyAsync(later, authenticator);

        Assert.Equal("/app", accepted.Headers.Location?.OriginalString);
        Assert.Equal("/app", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/app/assess")).StatusCode);
        var person = await app.WithDbAsync(db => db.Users.SingleAsync(p => p.InstitutionId == school.Id));
        Assert.Null(person.PasswordHash);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == person.Id)));
        Assert.Contains(app.Logs.All.Split('\n'), l => l.Contains($"Account {person.Id} signed in with a passkey", StringComparison.Ordinal));
        authenticator.Dispose();
    }

    [Fact]
    public async Task A_forged_challenge_or_malformed_json_is_refused_inline_and_the_invitation_stays_usable()
    {
        var school = await app.SeedInstitutionAsync();
        var token = await WebPeople.InviteAsync(app, school.Id, Roles.Assessor);
        using var client = Browser();
        using var authenticator = new SoftAuthenticator();

        var options = await OptionsAsync(client, "/app/invitation", new() { ["Token"] = token });
        var forged = await WebPeople.PostFormAsync(client, "/app/invitation?handler=Passkey",
            new() { ["Token"] = token, ["CredentialJson"] = authenticator.Create(options, Origin, _ => "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") },
            formPage: "/app/invitation");
        var otherSite = await WebPeople.PostFormAsync(client, "/app/invitation?handler=Passkey",
            new() { ["Token"] = token, ["CredentialJson"] = authenticator.Create(await OptionsAsync(client, "/app/invitation", new() { ["Token"] = token }), "https://evil.example") },
            formPage: "/app/invitation");
        var malformed = await WebPeople.PostFormAsync(client, "/app/invitation?handler=Passkey",
            new() { ["Token"] = token, ["CredentialJson"] = "{\"id\": [1, 2" }, formPage: "/app/invitation");
        var unknownInvitation = await WebPeople.PostFormAsync(client, "/app/invitation?handler=PasskeyOptions", new() { ["Token"] = "nope" }, formPage: "/app/invitation");

        foreach (var refused in new[] { forged, otherSite, malformed })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The passkey was not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, unknownInvitation.StatusCode);
        Assert.Contains("unknown, already used or expired", await unknownInvitation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(p => p.InstitutionId == school.Id)));
        var (accepted, second) = await AcceptWithPasskeyAsync(client, token);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        second.Dispose();
    }

    [Fact]
    public async Task A_replayed_assertion_a_malformed_one_and_a_locked_account_do_not_sign_in()
    {
        var school = await app.SeedInstitutionAsync();
        using var setup = Browser();
        var (_, authenticator) = await AcceptWithPasskeyAsync(setup, await WebPeople.InviteAsync(app, school.Id, Roles.Registrar));
        using var client = Browser();
        var assertion = authenticator.Get(await OptionsAsync(client, "/app/sign-in"), Origin);

        var first = await WebPeople.PostFormAsync(client, "/app/sign-in?handler=Passkey", new() { ["CredentialJson"] = assertion }, formPage: "/app/sign-in");
        using var thief = Browser();
        await OptionsAsync(thief, "/app/sign-in");
        var replayed = await WebPeople.PostFormAsync(thief, "/app/sign-in?handler=Passkey", new() { ["CredentialJson"] = assertion }, formPage: "/app/sign-in");
        var malformed = await WebPeople.PostFormAsync(thief, "/app/sign-in?handler=Passkey", new() { ["CredentialJson"] = "not json" }, formPage: "/app/sign-in");
        var empty = await WebPeople.PostFormAsync(thief, "/app/sign-in?handler=Passkey", new(), formPage: "/app/sign-in");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = await users.Users.SingleAsync(p => p.InstitutionId == school.Id);
            await users.SetLockoutEndDateAsync(person, DateTimeOffset.MaxValue);   // Identity reads the system clock, not the fake one
        }
        using var locked = Browser();
        var whileLocked = await SignInWithPasskeyAsync(locked, authenticator);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        foreach (var refused in new[] { replayed, malformed, empty })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("The passkey was not accepted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Contains("This account is locked for a while", await whileLocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/app")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await locked.GetAsync("/app")).StatusCode);
        authenticator.Dispose();
    }

    [Fact]
    public async Task Passkey_posts_without_an_antiforgery_token_are_refused()
    {
        var school = await app.SeedInstitutionAsync();
        using var client = await WebPeople.SignedInAsync(app, school.Id, Roles.Assessor);
        client.DefaultRequestHeaders.Add("Origin", Origin);

        var options = await WebPeople.PostFormAsync(client, "/app/sign-in?handler=PasskeyOptions", new(), withToken: false);
        var add = await WebPeople.PostFormAsync(client, "/app/account?handler=PasskeyOptions", new(), withToken: false);
        var remove = await WebPeople.PostFormAsync(client, "/app/account?handler=RemovePasskey", new() { ["PasskeyId"] = "AAAA" }, withToken: false);
        var password = await WebPeople.PostFormAsync(client, "/app/account?handler=Password",
            new() { ["CurrentPassword"] = WebPeople.Password, ["NewPassword"] = "a new password here", ["Confirm"] = "a new password here" }, withToken: false);

        Assert.All(new[] { options, add, remove, password }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, (await WebPeople.SignInAsync(WebPeople.Browser(app), (await app.WithDbAsync(db => db.Users.SingleAsync(p => p.InstitutionId == school.Id))).Email!)).StatusCode);
    }

    [Fact]
    public async Task The_account_page_adds_renames_and_removes_passkeys_but_never_the_last_way_to_sign_in()
    {
        var school = await app.SeedInstitutionAsync();
        using var client = Browser();
        var (_, first) = await AcceptWithPasskeyAsync(client, await WebPeople.InviteAsync(app, school.Id, Roles.Learner, school.LearnerA));
        var person = await app.WithDbAsync(db => db.Users.SingleAsync(p => p.InstitutionId == school.Id));
        using var second = new SoftAuthenticator();

        var lastOne = await WebPeople.PostFormAsync(client, "/app/account?handler=RemovePasskey", new() { ["PasskeyId"] = first.CredentialId }, formPage: "/app/account");
        var added = await WebPeople.PostFormAsync(client, "/app/account?handler=AddPasskey",
            new() { ["Name"] = "Phone", ["CredentialJson"] = second.Create(await OptionsAsync(client, "/app/account"), Origin) }, formPage: "/app/account");
        var renamed = await WebPeople.PostFormAsync(client, "/app/account?handler=RenamePasskey",
            new() { ["PasskeyId"] = first.CredentialId, ["Name"] = "Laptop" }, formPage: "/app/account");
        var malformed = await WebPeople.PostFormAsync(client, "/app/account?handler=AddPasskey", new() { ["CredentialJson"] = "[" }, formPage: "/app/account");
        var unknown = await WebPeople.PostFormAsync(client, "/app/account?handler=RemovePasskey", new() { ["PasskeyId"] = "not-a-passkey" }, formPage: "/app/account");
        var html = await client.GetStringAsync("/app/account");
        var removed = await WebPeople.PostFormAsync(client, "/app/account?handler=RemovePasskey", new() { ["PasskeyId"] = first.CredentialId }, formPage: "/app/account");

        Assert.Equal(HttpStatusCode.OK, lastOne.StatusCode);
        Assert.Contains("This is your only way to sign in", await lastOne.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/app/account?done=added", added.Headers.Location?.OriginalString);
        Assert.Equal("/app/account?done=renamed", renamed.Headers.Location?.OriginalString);
        Assert.Contains("The passkey was not accepted", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<td>Phone</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Laptop</td>", html, StringComparison.Ordinal);
        Assert.Equal("/app/account?done=removed", removed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app/my/record")).StatusCode);   // this session lives on
        using var other = Browser();
        Assert.Equal(HttpStatusCode.OK, (await SignInWithPasskeyAsync(other, first)).StatusCode);   // the removed one no longer signs in
        Assert.Equal("/app", (await SignInWithPasskeyAsync(other, second)).Headers.Location?.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == person.Id)));
        first.Dispose();
    }

    [Fact]
    public async Task The_account_page_changes_a_password_only_with_the_current_one_and_adds_one_to_a_passkey_account()
    {
        var school = await app.SeedInstitutionAsync();
        var email = await WebPeople.CreateAsync(app, school.Id, Roles.Assessor);
        using var client = Browser();
        await WebPeople.SignInAsync(client, email);
        const string next = "a brand new password";

        var wrong = await WebPeople.PostFormAsync(client, "/app/account?handler=Password",
            new() { ["CurrentPassword"] = "not my password", ["NewPassword"] = next, ["Confirm"] = next }, formPage: "/app/account");
        var changed = await WebPeople.PostFormAsync(client, "/app/account?handler=Password",
            new() { ["CurrentPassword"] = WebPeople.Password, ["NewPassword"] = next, ["Confirm"] = next }, formPage: "/app/account");
        using var passkeyOnly = Browser();
        var (_, authenticator) = await AcceptWithPasskeyAsync(passkeyOnly, await WebPeople.InviteAsync(app, school.Id, Roles.Assessor));
        var addedPassword = await WebPeople.PostFormAsync(passkeyOnly, "/app/account?handler=Password",
            new() { ["NewPassword"] = next, ["Confirm"] = next }, formPage: "/app/account");

        Assert.Contains("This is not your current password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/app/account?done=password", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebPeople.SignInAsync(WebPeople.Browser(app), email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebPeople.SignInAsync(WebPeople.Browser(app), email, next)).StatusCode);
        Assert.Equal("/app/account?done=password", addedPassword.Headers.Location?.OriginalString);
        authenticator.Dispose();
    }
}
