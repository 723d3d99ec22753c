using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Transcripts.Api.Tests.Features.Transcripts;

namespace Transcripts.Api.Tests.Features.Verification;

/// <summary>GET /v/{id} as HTML: what it shows and hides, its headers, and one 404 page for every id it does not show.</summary>
public abstract partial class VerificationPageTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Page_shows_issuer_learner_date_status_and_competencies_and_nothing_else_personal()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            var learner = await db.Learners.FindAsync(issued.School.LearnerA);
            learner!.DateOfBirth = new DateOnly(2008, 2, 29);
            db.LearnerIdentifiers.Add(new Data.Entities.LearnerIdentifier
            {
                LearnerId = learner.Id, InstitutionId = learner.InstitutionId, Scheme = "student-number", Value = "SN-99117",
            });
            return await db.SaveChangesAsync();
        });
        using var anonymous = app.CreateClient();
        var before = await app.SnapshotAsync();

        var response = await anonymous.GetAsync($"/v/{issued.CredentialId}");
        var shell = await response.Content.ReadAsStringAsync();
        var html = await Privacy.VerificationRecord.OpenAsync(app, anonymous, issued.CredentialId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Test school</h1>", shell, StringComparison.Ordinal);
        Assert.DoesNotContain("Ελένη", shell, StringComparison.Ordinal);
        Assert.Contains("Ελένη Παπαδοπούλου", html, StringComparison.Ordinal);
        Assert.Contains("2026-09-01", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"valid\"", html, StringComparison.Ordinal);
        Assert.Contains("Competency 1", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"level\">Advanced</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2008", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SN-99117", html, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.School.LearnerA.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Essay", html, StringComparison.Ordinal);
        var after = await app.SnapshotAsync();
        Assert.Equal(before.Disclosures + 1, after.Disclosures);   // the opening of the record, listed for the learner
    }

    [SkippableFact]
    public async Task Page_sets_strict_security_headers_and_allows_only_its_own_inline_script_and_style()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync($"/v/{issued.CredentialId}");
        var html = await response.Content.ReadAsStringAsync();
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceRegex().Match(csp).Groups[1].Value;

        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.True(nonce.Length >= 16, csp);
        Assert.Equal(2, Regex.Count(html, "<(script|style)[^>]*nonce=\"" + Regex.Escape(nonce) + "\""));
        Assert.Equal(2, Regex.Count(html, "<(script|style)"));
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var second = await anonymous.GetAsync($"/v/{issued.CredentialId}");
        Assert.NotEqual(csp, string.Join(";", second.Headers.GetValues("Content-Security-Policy")));
    }

    [SkippableFact]
    public async Task Unknown_malformed_and_badge_ids_get_the_same_404_page()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var anonymous = app.CreateClient();
        string[] paths = [$"/v/{Guid.NewGuid()}", "/v/not-a-uuid", $"/v/{issued.AchievementCredentialId}", $"/v/{issued.CredentialId.ToString().ToUpperInvariant()}x"];

        var pages = new List<string>();
        foreach (var path in paths)
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            pages.Add(NonceValueRegex().Replace(await response.Content.ReadAsStringAsync(), "nonce"));
        }

        Assert.Single(pages.Distinct());
        Assert.Contains("No transcript at this address", pages[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Page_of_a_revoked_transcript_says_revoked_with_date_and_reason()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        (await registrar.PostAsJsonAsync($"/credentials/{issued.CredentialId}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();
        using var anonymous = app.CreateClient();

        var html = await Privacy.VerificationRecord.OpenAsync(app, anonymous, issued.CredentialId);

        Assert.Contains("data-state=\"revoked\"", html, StringComparison.Ordinal);
        Assert.Contains("Revoked on 2026-09-01. Reason: withdrawn by the school.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Issued in error", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex NonceRegex();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex NonceValueRegex();

    public sealed class OnSqlite(SqliteApp app) : VerificationPageTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : VerificationPageTests(app), IClassFixture<PostgresApp>;
}
