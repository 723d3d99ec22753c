using System.Net;
using System.Text.RegularExpressions;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Sharing;
using Transcripts.Api.Tests.Features.Transcripts;
using Transcripts.Api.Tests.Features.Verification;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// End to end in headless Chromium against the service on Kestrel: a registrar invites a learner through the page, the
/// learner accepts the mailed link, sets a password, reads why an attainment was awarded, shares a transcript, a college opens
/// the link, the learner sees that disclosure and withdraws the link, and the link then fails.
/// </summary>
public sealed partial class PortalBrowserTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private string Url(string path) => new Uri(app.BaseAddress, path).AbsoluteUri;

    [SkippableFact]
    public async Task Invited_learner_signs_in_reads_an_explanation_shares_sees_the_college_open_it_and_withdraws_it()
    {
        Chromium.EnsureAvailable();
        var issued = await IssuedTranscript.CreateAsync(app);
        var school = issued.School;
        var registrarEmail = await WebPeople.CreateAsync(app, school.Id, Roles.Registrar);
        var learnerEmail = $"learner-{Guid.NewGuid():N}@school.example";
        await using var browser = await Browser.LaunchAsync();

        // The registrar signs in and invites learner A.
        var staff = await browser.NewPageAsync();
        await staff.GotoAsync(Url("/app/sign-in"));
        await Browser.CheckAsync(staff, "sign-in");
        await staff.GetByLabel("E-mail address").FillAsync(registrarEmail);
        await staff.GetByLabel("Password").FillAsync(WebPeople.Password);
        await staff.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await staff.WaitForURLAsync(Url("/app"));
        await staff.GotoAsync(Url("/app/people/invite"));
        await staff.GetByLabel("Name").FillAsync("Ελένη");
        await staff.GetByLabel("E-mail address").FillAsync(learnerEmail);
        await staff.GetByLabel("Role").SelectOptionAsync(Roles.Learner);
        await staff.GetByLabel("For learners and guardians: the learner").SelectOptionAsync(school.LearnerA.ToString());
        await staff.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await staff.GetByText("The invitation is sent.").WaitForAsync();
        await Browser.CheckAsync(staff, "invite");

        // The learner opens the mailed link at phone width and chooses a password.
        var mail = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Select(File.ReadAllText).Single(m => m.Contains(learnerEmail, StringComparison.Ordinal));
        var link = InvitationLink().Match(mail).Value;
        var learner = await browser.NewPageAsync(Browser.PhoneWidth);
        await learner.GotoAsync(Url(new Uri(link).PathAndQuery + new Uri(link).Fragment));
        Assert.Equal(link[(link.IndexOf('#') + 1)..], await learner.GetByLabel("Invitation code").InputValueAsync());
        Assert.DoesNotContain("#", learner.Url, StringComparison.Ordinal);
        await Browser.CheckAsync(learner, "invitation");
        await learner.GetByLabel("New password").FillAsync(WebPeople.Password);
        await learner.GetByLabel("The same password again").FillAsync(WebPeople.Password);
        await learner.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Create my account", Exact = true }).ClickAsync();
        await learner.WaitForURLAsync(Url("/app"));
        await Browser.CheckAsync(learner, "home-learner");

        // My record, and why the first attainment was awarded.
        await learner.GotoAsync(Url("/app/my/record"));
        await Browser.CheckAsync(learner, "record");
        await learner.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Why for Competency 1" }).ClickAsync();
        var summary = await learner.Locator("#summary").InnerTextAsync();
        Assert.Contains("You attained this competency at the level Proficient.", summary, StringComparison.Ordinal);
        Assert.Contains("To attain it, you need to reach Proficient, and your most recent assessment counts.", summary, StringComparison.Ordinal);
        Assert.Equal("Why this attainment · Transcripts", await learner.TitleAsync());
        await Browser.CheckAsync(learner, "explanation");

        // Bad input first: nothing chosen is refused next to the field, with the date kept.
        await learner.GotoAsync(Url("/app/my/share"));
        foreach (var box in await learner.GetByRole(Microsoft.Playwright.AriaRole.Checkbox).AllAsync())
        {
            await box.UncheckAsync();
        }
        await learner.GetByLabel("Stops working on").FillAsync("2026-09-20");
        await learner.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Make the share link" }).ClickAsync();
        await learner.GetByText("Choose at least one credential to share.").WaitForAsync();
        Assert.Equal("2026-09-20", await learner.GetByLabel("Stops working on").InputValueAsync());
        await Browser.CheckAsync(learner, "share-error");
        await learner.GetByLabel(new Regex("^Transcript issued")).CheckAsync();
        await learner.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Make the share link" }).ClickAsync();
        var shareUrl = await learner.GetByLabel("Share link").InputValueAsync();
        await Browser.CheckAsync(learner, "share");
        Assert.Equal(0, Count(app.Logs.All, shareUrl[(shareUrl.IndexOf('#') + 1)..]));

        // The college opens the link in its own browser: the page reads the code from the fragment and shows the verdicts.
        var token = shareUrl[(shareUrl.IndexOf('#') + 1)..];
        var collegePage = await browser.NewPageAsync();
        await collegePage.GotoAsync(new Uri(app.BaseAddress, shareUrl).AbsoluteUri);
        await collegePage.GetByText("Link opened").WaitForAsync();
        var shown = await collegePage.Locator("#report").InnerTextAsync();
        Assert.Contains("Valid: Transcript", shown, StringComparison.Ordinal);
        Assert.Contains("Download the credentials as issued (JSON)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("#", new Uri(collegePage.Url).Fragment, StringComparison.Ordinal);
        await Browser.CheckAsync(collegePage, "shared-credentials");
        using var college = app.CreateClient();

        await learner.GotoAsync(Url("/app/my/disclosures"));
        Assert.Contains("A college, through your share link", await learner.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(learner, "disclosures");
        await learner.GotoAsync(Url("/app/my/links"));
        var links = await learner.Locator("main").InnerTextAsync();
        Assert.Contains("1 of", links, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d UTC", links);
        await Browser.CheckAsync(learner, "links");
        await learner.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { NameRegex = new Regex("^Withdraw") }).ClickAsync();
        await learner.GetByText("The link is withdrawn").WaitForAsync();
        Assert.Contains("Withdrawn", await learner.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);

        var after = await college.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/share") { Headers = { { OpenShareLink.TokenHeader, token } } });
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [GeneratedRegex("https?://[^\\s]+/app/invitation#[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
