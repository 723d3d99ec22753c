using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Tests.Features.Verification;
using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// End to end in headless Chromium on Kestrel with a CDP virtual authenticator (CTAP2, internal, resident key, user
/// verification): an admin invites a registrar, who creates the account with a passkey, signs out, signs in with the passkey
/// and imports a CASE framework and a learner CSV (preview, then save). Every page passes axe-core and fits 360 px. The pages
/// are opened at <c>localhost</c>: WebAuthn needs a domain, and the relying party is <c>localhost</c> (Signing:PublicBaseUrl).
/// </summary>
public sealed partial class PasskeyBrowserTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private string Url(string path) => $"http://localhost:{app.BaseAddress.Port}{path}";

    [SkippableFact]
    public async Task An_admin_invites_a_registrar_who_signs_in_with_a_passkey_and_imports_a_framework_and_learners()
    {
        Chromium.EnsureAvailable();
        var school = await app.SeedInstitutionAsync();
        var adminEmail = await WebPeople.CreateAsync(app, school.Id, Roles.Admin);
        var registrarEmail = $"registrar-{Guid.NewGuid():N}@school.example";
        await using var browser = await Browser.LaunchAsync();

        var admin = await browser.NewPageAsync();
        await admin.GotoAsync(Url("/app/sign-in"));
        await admin.GetByLabel("E-mail address").FillAsync(adminEmail);
        await admin.GetByLabel("Password").FillAsync(WebPeople.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync(Url("/app"));
        await admin.GotoAsync(Url("/app/people/invite"));
        await admin.GetByLabel("Name").FillAsync("Rosa Registrar");
        await admin.GetByLabel("E-mail address").FillAsync(registrarEmail);
        await admin.GetByLabel("Role").SelectOptionAsync(Roles.Registrar);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await admin.GetByText("The invitation is sent.").WaitForAsync();

        var mail = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Select(File.ReadAllText).Single(m => m.Contains(registrarEmail, StringComparison.Ordinal));
        var link = new Uri(InvitationLink().Match(mail).Value);
        var page = await browser.NewPageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync(Url(link.PathAndQuery + link.Fragment));
        await Browser.CheckAsync(page, "invitation-passkey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account with a passkey" }).ClickAsync();
        await WaitForHomeAsync(page);
        await page.GotoAsync(Url("/app/account"));
        Assert.Contains("Passkey added", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(page, "account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByText("You are signed out").WaitForAsync();

        // The button's way, as in a browser without passkey autofill: with it, the virtual authenticator would answer the
        // page's autofill request at once (the next test), and the page would be gone before it is checked.
        await page.AddInitScriptAsync("PublicKeyCredential.isConditionalMediationAvailable = async () => false;");
        await page.GotoAsync(Url("/app/sign-in"));
        await Browser.CheckAsync(page, "sign-in-passkey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await WaitForHomeAsync(page);

        await page.GotoAsync(Url("/app/import/framework"));
        await page.Locator("#upload").SetInputFilesAsync(
            SpecData.Path("case/packages/opensalt-test-Utf8TestFramework.cfpackage.json"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await Browser.CheckAsync(page, "import-framework-preview");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Import (the framework|it anyway)") }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/app/import/framework\\?"));

        var csv = Path.Combine(app.DataDirectory, "learners.csv");
        await File.WriteAllTextAsync(csv, "name,identifiers,email,dateOfBirth\nAmara Okafor,sis:PK-1,,\nLiam O'Connor,sis:PK-2,,\n");
        await page.GotoAsync(Url("/app/import/learners"));
        await page.Locator("#upload").SetInputFilesAsync(csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await page.GetByText("2 new, 0 updated, 0 unchanged").WaitForAsync();
        await Browser.CheckAsync(page, "import-learners-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 learners" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/app/import/learners\\?created=2"));
        await Browser.CheckAsync(page, "import-learners-done");
    }

    [SkippableFact]
    public async Task A_person_with_a_passkey_is_signed_in_from_the_sign_in_pages_autofill()
    {
        Chromium.EnsureAvailable();
        var school = await app.SeedInstitutionAsync();
        var token = await WebPeople.InviteAsync(app, school.Id, Roles.Assessor);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await AddAuthenticatorAsync(page);
        await page.GotoAsync(Url("/app/invitation#" + token));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account with a passkey" }).ClickAsync();
        await WaitForHomeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByText("You are signed out").WaitForAsync();
        var person = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, p => p.InstitutionId == school.Id));
        var signInsBefore = SignInsWithPasskey(person.Id);

        // Nothing is clicked or typed: the page's autofill request is answered by the virtual authenticator, as a person picks
        // the passkey offered in the e-mail field's suggestions.
        await page.GotoAsync(Url("/app/sign-in"));
        await WaitForHomeAsync(page);

        Assert.Equal(signInsBefore + 1, SignInsWithPasskey(person.Id));
        Assert.Equal(200, (await page.APIRequest.GetAsync(Url("/app/assess"), new() { MaxRedirects = 0 })).Status);   // the assessor's session
    }

    private int SignInsWithPasskey(Guid personId) =>
        app.Logs.All.Split('\n').Count(l => l.Contains($"Account {personId} signed in with a passkey", StringComparison.Ordinal));

    [SkippableFact]
    public async Task The_passkey_button_aborts_a_waiting_autofill_request_and_signs_in()
    {
        Chromium.EnsureAvailable();
        var school = await app.SeedInstitutionAsync();
        var token = await WebPeople.InviteAsync(app, school.Id, Roles.Assessor);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var (cdp, authenticatorId) = await AddAuthenticatorAsync(page);
        await page.GotoAsync(Url("/app/invitation#" + token));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account with a passkey" }).ClickAsync();
        await WaitForHomeAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByText("You are signed out").WaitForAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        // Without presence the autofill request waits, as it does until a person picks a suggestion.
        await cdp.SendAsync("WebAuthn.setAutomaticPresenceSimulation", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId, ["enabled"] = false });
        var autofillOptions = page.WaitForResponseAsync(r => r.Url.EndsWith("/app/sign-in?handler=PasskeyOptions", StringComparison.Ordinal));
        await page.GotoAsync(Url("/app/sign-in"));
        await autofillOptions;
        Assert.Equal(Url("/app/sign-in"), page.Url);
        await cdp.SendAsync("WebAuthn.setAutomaticPresenceSimulation", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId, ["enabled"] = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await WaitForHomeAsync(page);

        Assert.Empty(errors);
    }

    private static async Task<(ICDPSession Cdp, string AuthenticatorId)> AddAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        return (cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>Waits for the home page; a refusal shown instead fails the test with the page's words.</summary>
    private async Task WaitForHomeAsync(IPage page)
    {
        try
        {
            await page.WaitForURLAsync(Url("/app"), new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail(page.Url + ": " + await page.Locator("main").InnerTextAsync());
        }
    }

    [GeneratedRegex("https?://[^\\s]+/app/invitation#[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
