using Microsoft.Playwright;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Tests.Features.Verification;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// End to end in headless Chromium on Kestrel: a registrar signs in, finds a learner, reads an explanation, awards an
/// attainment, issues a transcript, runs a batch of all learners and watches it finish, then revokes a credential; every
/// page passes axe-core and fits 360 px.
/// </summary>
public sealed class RegistrarBrowserTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private string Url(string path) => new Uri(app.BaseAddress, path).AbsoluteUri;

    [SkippableFact]
    public async Task Registrar_finds_explains_awards_issues_runs_a_batch_and_revokes()
    {
        Chromium.EnsureAvailable();
        var seeded = await Seeded.CreateAsync(app);
        var email = await WebPeople.CreateAsync(app, seeded.School.Id, Roles.Registrar);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(Url("/app/sign-in"));
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebPeople.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url("/app"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url("/app/registrar"));
        await Browser.CheckAsync(page, "registrar-dashboard");

        await page.GotoAsync(Url("/app/registrar/learners"));
        await page.GetByLabel("Name, or part of it").FillAsync("Ελένη");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByText("1 learner found").WaitForAsync();
        Assert.DoesNotContain("Ελένη", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        await Browser.CheckAsync(page, "registrar-learners");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ελένη Παπαδοπούλου" }).ClickAsync();
        await page.WaitForURLAsync(Url($"/app/registrar/learners/{seeded.School.LearnerA}"));
        await Browser.CheckAsync(page, "registrar-learner");

        await page.GetByRole(AriaRole.Link, new() { Name = "Why, and withdraw for Competency 1" }).ClickAsync();
        Assert.Contains("most recent assessment counts", await page.Locator("#summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Withdrawing it revokes", await page.Locator("#affected").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(page, "registrar-attainment");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the learner's record" }).ClickAsync();

        await page.GetByLabel("Competency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "D.2 Competency 2" });
        await page.GetByLabel("Level", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Advanced (meets mastery)" });
        await page.GetByLabel("Reason (the learner sees it)").FillAsync("Transfer credit from another school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Award" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.True(await page.GetByText("The attainment is awarded.").IsVisibleAsync(), await page.Locator("main").InnerTextAsync());
        await Browser.CheckAsync(page, "registrar-awarded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Issue a transcript now" }).ClickAsync();
        await page.GetByText("The transcript is issued").WaitForAsync();
        await Browser.CheckAsync(page, "registrar-issued");

        await page.GotoAsync(Url("/app/registrar/learners"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue for all active learners" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/app/registrar/batches/"));
        await page.GetByText("Finished: 2 of 2 learners done.").WaitForAsync(new() { Timeout = 60_000 });
        await Browser.CheckAsync(page, "registrar-batch");

        await page.GotoAsync(Url($"/app/registrar/learners/{seeded.School.LearnerA}"));
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke or suspend the achievement") }).First.ClickAsync();
        Assert.Contains("transcript", await page.Locator("#affects").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(page, "registrar-credential");
        await page.GetByLabel("Reason (kept with the credential)").FillAsync("Issued in error");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await page.GetByText("The credential is revoked").WaitForAsync();
        await Browser.CheckAsync(page, "registrar-revoked");
    }
}
