using Microsoft.Playwright;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Tests.Features.Verification;

namespace Transcripts.Api.Tests.Features.Web;

/// <summary>
/// End to end in headless Chromium on Kestrel: an assessor finds a learner, records an assessment with a link as evidence and
/// reads the attainment recomputed; an admin opens the signing keys, makes an API key, checks the audit chain and reads the
/// disclosure log. Every page passes axe-core and fits 360 px.
/// </summary>
public sealed class AssessorAdminBrowserTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private string Url(string path) => new Uri(app.BaseAddress, path).AbsoluteUri;

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(Url("/app/sign-in"));
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(WebPeople.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(Url("/app"));
    }

    [SkippableFact]
    public async Task Assessor_records_an_assessment_and_admin_manages_keys_audit_and_disclosures()
    {
        Chromium.EnsureAvailable();
        var seeded = await Seeded.CreateAsync(app);
        await using var browser = await Browser.LaunchAsync();

        var assessor = await browser.NewPageAsync();
        await SignInAsync(assessor, await WebPeople.CreateAsync(app, seeded.School.Id, Roles.Assessor));
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Assess", Exact = true }).ClickAsync();
        await assessor.WaitForURLAsync(Url("/app/assess"));
        await assessor.GetByLabel("Name, or part of it").FillAsync("Ελένη");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await assessor.GetByText("1 learner found").WaitForAsync();
        Assert.DoesNotContain("Ελένη", Uri.UnescapeDataString(assessor.Url), StringComparison.Ordinal);
        await Browser.CheckAsync(assessor, "assess-search");
        await assessor.GetByRole(AriaRole.Link, new() { Name = "Ελένη Παπαδοπούλου" }).ClickAsync();
        await assessor.WaitForURLAsync(Url($"/app/assess/learners/{seeded.School.LearnerA}"));
        await Browser.CheckAsync(assessor, "assess-learner");

        await assessor.GetByLabel("Competency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "D.2 Competency 2" });
        await assessor.GetByLabel("Level reached").SelectOptionAsync(new SelectOptionValue { Label = "Advanced (meets mastery)" });
        await assessor.GetByLabel("Feedback (the learner sees it)").FillAsync("Clear and well argued");
        await assessor.GetByRole(AriaRole.Radio, new() { Name = "A link" }).CheckAsync();
        await assessor.GetByLabel("Title of the evidence (for a file, its name if left empty)").FillAsync("Lab report");
        await assessor.GetByLabel("Link (for a link)").FillAsync("https://portfolio.school.example/lab-report");
        await assessor.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await assessor.GetByText("The assessment is recorded.").WaitForAsync();
        Assert.Contains("Advanced", await assessor.Locator("#recomputed").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(assessor, "assess-recorded");

        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, await WebPeople.CreateAsync(app, seeded.School.Id, Roles.Admin));
        await admin.GetByRole(AriaRole.Link, new() { Name = "Signing keys", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync(Url("/app/admin/keys"));
        await Browser.CheckAsync(admin, "admin-keys");
        await admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke after a compromise") }).First.ClickAsync();
        await admin.Locator("#revoke-effects").WaitForAsync();
        await Browser.CheckAsync(admin, "admin-key-revoke");

        await admin.GotoAsync(Url("/app/admin/api-keys"));
        await admin.GetByLabel("Name (what uses it)").FillAsync("SIS export");
        await admin.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("registrar");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Make the key" }).ClickAsync();
        await admin.Locator("#secret").WaitForAsync();
        Assert.StartsWith("trk_", await admin.Locator("#secret code").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(admin, "admin-api-keys");

        await admin.GotoAsync(Url("/app/admin/audit"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check the chain now" }).ClickAsync();
        await admin.Locator("#chain-check").WaitForAsync();
        Assert.Contains("The chain is intact.", await admin.Locator("#chain-check").InnerTextAsync(), StringComparison.Ordinal);
        await Browser.CheckAsync(admin, "admin-audit");

        await admin.GotoAsync(Url("/app/admin/disclosures"));
        await admin.GetByText("newest first").WaitForAsync();
        await Browser.CheckAsync(admin, "admin-disclosures");
    }
}
