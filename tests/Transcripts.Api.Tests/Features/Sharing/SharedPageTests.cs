using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.Sharing;

/// <summary>
/// The page a college's browser gets from a share link: no personal data and no open counted until the code is sent in the
/// header, then this service's verdict on each credential, a revoked one said to be not valid, and the credentials as issued.
/// </summary>
public sealed class SharedPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_browser_opening_the_link_gets_a_page_without_personal_data_that_counts_no_open_until_the_code_is_sent()
    {
        var (seeded, token) = await ShareAsync();
        using var browser = app.CreateClient();
        using var navigation = new HttpRequestMessage(HttpMethod.Get, "/share");
        navigation.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var page = await browser.SendAsync(navigation);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'nonce-", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("X-Share-Token", html);
        Assert.DoesNotContain(seeded.School.LearnerA.ToString(), html);
        Assert.Equal(0, await OpensAsync(token));
        Assert.Equal(0, await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.LearnerId == seeded.School.LearnerA && d.Role == "share-link")));
    }

    [Fact]
    public async Task With_the_code_the_page_shows_each_verdict_counts_the_open_and_offers_the_credentials_as_issued()
    {
        var (seeded, token) = await ShareAsync();
        using var anonymous = app.CreateClient();
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        (await registrar.PostAsJsonAsync($"/credentials/{seeded.CredentialId}/revoke", new { reason = "Recorded in error" })).EnsureSuccessStatusCode();
        using var open = ShareRequest.Open(token);
        open.RequestUri = new Uri("/share?format=page", UriKind.Relative);

        var response = await anonymous.SendAsync(open);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var html = (string)body["html"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Valid: Transcript", html);
        Assert.Contains("Not valid:", html);
        Assert.Contains("revoked", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Recorded in error", html);
        Assert.Contains("Test school", html);
        Assert.Equal(2, body["presentation"]!["verifiableCredential"]!.AsArray().Count);
        Assert.Equal(1, await OpensAsync(token));
        await Problem.AssertAsync(await anonymous.GetAsync("/share?format=page"), HttpStatusCode.BadRequest, "share-token-missing");
    }

    private async Task<(Seeded Seeded, string Token)> ShareAsync()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        var transcript = (await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA })))
            .GetProperty("id").GetGuid();
        var created = await Seeded.Json(await learner.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/share-links",
            new { credentialIds = new[] { transcript, seeded.CredentialId } }));
        return (seeded, created.GetProperty("token").GetString()!);
    }

    private Task<int> OpensAsync(string token) =>
        app.WithDbAsync(db => db.ShareLinks.Where(l => l.TokenHash == global::Transcripts.Api.Features.Sharing.CreateShareLink.HashOf(token))
            .Select(l => l.OpenCount).SingleAsync());
}
