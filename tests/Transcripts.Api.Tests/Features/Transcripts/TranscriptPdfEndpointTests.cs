using Transcripts.Tests;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>GET /credentials/{id}/pdf over the real pipeline: round trip through poppler and zbar, access, bad input.</summary>
public abstract class TranscriptPdfEndpointTests(TranscriptsApp app) : IDisposable
{
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Pdf_carries_a_qr_token_that_verifies_and_the_exact_signed_credential()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var stored = await (await registrar.GetAsync($"/credentials/{issued.CredentialId}")).Content.ReadAsByteArrayAsync();
        var before = await app.SnapshotAsync();

        var response = await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Transcript Ελένη Παπαδοπούλου 2026-09-01.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal((before.AuditEvents, before.Disclosures + 1), await app.SnapshotAsync());
        var pdf = _folder.Write("transcript.pdf", await response.Content.ReadAsByteArrayAsync());
        DebianTool.Run("pdftoppm", "poppler-utils", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, _folder.File("page1"));
        var scan = DebianTool.Run("zbarimg", "zbar-tools", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", _folder.File("page1.png"));
        Assert.True(TranscriptQr.TryParse(scan.Stdout.Trim(), out var qr), scan.Stdout + scan.Stderr);
        Assert.Equal($"urn:uuid:{issued.CredentialId}", qr.CredentialId);
        Assert.Equal(issued.School.BaseUrl, qr.PublicBase);
        var token = TranscriptToken.Parse(qr.Token, qr.CredentialId);
        Assert.True(token.IsSignedBy(await IssuedTranscript.PublishedKeyAsync(app, issued.School.Id, token.VerificationMethod)));
        Assert.True(token.Matches(stored));
        Assert.Equal("Ελένη Παπαδοπούλου", token.LearnerName);
        Assert.Equal(new DateOnly(2026, 9, 1), token.IssueDate);
        DebianTool.Run("pdfdetach", "poppler-utils", "-save", "1", "-o", _folder.File("attached.json"), pdf);
        Assert.Equal(stored, File.ReadAllBytes(_folder.File("attached.json")));
        var text = DebianTool.Run("pdftotext", "poppler-utils", "-layout", pdf, "-").Stdout;
        Assert.Contains("Ελένη Παπαδοπούλου", text, StringComparison.Ordinal);
        Assert.Contains("Competency 3", text, StringComparison.Ordinal);
        Assert.Contains("Advanced", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pdf_is_signed_as_a_document_with_the_key_the_did_document_lists_for_documents()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var pdf = _folder.Write("signed.pdf", await (await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf")).Content.ReadAsByteArrayAsync());
        var bundle = System.Text.Json.Nodes.JsonNode.Parse(await registrar.GetStringAsync($"/institutions/{issued.School.Id}/trust-bundle"))!;

        var pdfsig = DebianTool.Run("pdfsig", "poppler-utils", "-nocert", pdf);

        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig.Stdout, StringComparison.Ordinal);
        Assert.Contains("Total document signed", pdfsig.Stdout, StringComparison.Ordinal);
        var didDocument = bundle["didDocument"]!;
        var documentKey = Assert.Single(didDocument["documentSigning"]!.AsArray());
        Assert.DoesNotContain(didDocument["assertionMethod"]!.AsArray(), m => (string?)m == (string?)documentKey);
        Assert.Contains(didDocument["verificationMethod"]!.AsArray(), m => (string?)m!["id"] == (string?)documentKey
            && ((string)m["publicKeyMultibase"]!).StartsWith("zDn", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Pdf_prints_every_url_under_the_institutions_configured_public_base_url()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        var configured = await app.WithDbAsync(db => db.Institutions.Where(i => i.Id == issued.School.Id).Select(i => i.PublicBaseUrl).SingleAsync());
        using var registrar = app.CreateClientFor(issued.School.Registrar);

        var pdf = _folder.Write("base.pdf", await (await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf")).Content.ReadAsByteArrayAsync());

        var text = DebianTool.Run("pdftotext", "poppler-utils", pdf, "-").Stdout.Replace("\n", "", StringComparison.Ordinal);
        var printed = System.Text.RegularExpressions.Regex.Matches(text, @"https?://[^\s]+").Select(m => m.Value).ToList();
        Assert.NotEmpty(printed);
        Assert.All(printed, url => Assert.StartsWith(configured!, url, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Learner_gets_their_own_pdf_without_a_disclosure_and_everyone_else_is_refused()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        var other = await app.SeedInstitutionAsync("Other school");
        var path = $"/credentials/{issued.CredentialId}/pdf";
        using var learnerA = app.CreateClientFor(issued.School.LearnerAKey);
        using var learnerB = app.CreateClientFor(issued.School.LearnerBKey);
        using var assessor = app.CreateClientFor(issued.School.Assessor);
        using var admin = app.CreateClientFor(issued.School.Admin);
        using var otherRegistrar = app.CreateClientFor(other.Registrar);
        var before = await app.SnapshotAsync();

        var own = await learnerA.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
        await Problem.AssertAsync(await learnerB.GetAsync(path), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await otherRegistrar.GetAsync(path), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await assessor.GetAsync(path), HttpStatusCode.Forbidden, "forbidden");
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    [SkippableFact]
    public async Task Pdf_is_refused_for_badges_unknown_ids_and_revoked_transcripts_unless_a_registrar_reprints()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        using var learner = app.CreateClientFor(issued.School.LearnerAKey);

        await Problem.AssertAsync(await registrar.GetAsync($"/credentials/{issued.AchievementCredentialId}/pdf"),
            HttpStatusCode.UnprocessableEntity, "not-a-transcript");
        await Problem.AssertAsync(await registrar.GetAsync($"/credentials/{Guid.NewGuid()}/pdf"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync("/credentials/not-a-guid/pdf")).StatusCode);
        (await registrar.PostAsJsonAsync($"/credentials/{issued.CredentialId}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();

        var refused = await Problem.AssertAsync(await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf"), HttpStatusCode.Conflict, "credential-revoked");
        await Problem.AssertAsync(await learner.GetAsync($"/credentials/{issued.CredentialId}/pdf?reprintRevoked=true"), HttpStatusCode.Conflict, "credential-revoked");
        var reprint = await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf?reprintRevoked=true");

        Assert.Contains("Issued in error", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
        var text = DebianTool.Run("pdftotext", "poppler-utils", _folder.Write("reprint.pdf", await reprint.Content.ReadAsByteArrayAsync()), "-").Stdout;
        Assert.Contains("REPRINT OF A REVOKED TRANSCRIPT", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pdf_of_a_name_no_font_covers_names_the_missing_characters()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var learnerId = await Seeded.Id(await registrar.PostAsJsonAsync("/learners", new { name = "山田太郎" }));
        (await registrar.PostAsJsonAsync($"/learners/{learnerId}/attainments",
            new { version = (int?)null, competencyId = issued.School.Competencies[0], levelId = issued.School.Levels[2], reason = "Transfer credit" })).EnsureSuccessStatusCode();
        var id = await IssuedTranscript.IssueAsync(registrar, learnerId);
        var before = await app.SnapshotAsync();

        var problem = await Problem.AssertAsync(await registrar.GetAsync($"/credentials/{id}/pdf"), HttpStatusCode.UnprocessableEntity, "missing-glyphs");

        Assert.Equal("山田太郎", problem.GetProperty("errors").GetProperty("characters")[0].GetString());
        Assert.Contains("U+5C71", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [SkippableFact]
    public async Task Pdf_batch_zips_each_transcript_and_reports_failures_in_the_manifest()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var unknown = Guid.NewGuid();
        var before = await app.SnapshotAsync();

        var response = await registrar.PostAsJsonAsync("/transcripts/pdf-batch",
            new { credentialIds = new[] { issued.CredentialId, issued.AchievementCredentialId, unknown } });
        var byLearner = await registrar.PostAsJsonAsync("/transcripts/pdf-batch", new { learnerIds = new[] { issued.School.LearnerA, issued.School.LearnerB } });

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var manifest = System.Text.Json.JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        Assert.Equal(1, manifest.GetProperty("rendered").GetInt32());
        Assert.Equal(["rendered", "not-a-transcript", "not-found"], manifest.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString() ?? i.GetProperty("status").GetString()));
        var file = manifest.GetProperty("items")[0].GetProperty("file").GetString()!;
        using var pdf = new MemoryStream();
        zip.GetEntry(file)!.Open().CopyTo(pdf);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf.ToArray(), 0, 5), StringComparison.Ordinal);
        Assert.Equal(2, zip.Entries.Count);
        var learnerManifest = System.Text.Json.JsonDocument.Parse(new System.IO.Compression.ZipArchive(await byLearner.Content.ReadAsStreamAsync())
            .GetEntry("manifest.json")!.Open()).RootElement.GetProperty("items");
        Assert.Equal("rendered", learnerManifest[0].GetProperty("status").GetString());
        Assert.Equal("no-transcript", learnerManifest[1].GetProperty("code").GetString());
        Assert.Equal((before.AuditEvents, before.Disclosures + 2), await app.SnapshotAsync());
    }

    [SkippableFact]
    public async Task Pdf_batch_refuses_empty_mixed_and_oversized_requests_and_non_registrars()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        using var learner = app.CreateClientFor(issued.School.LearnerAKey);

        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/transcripts/pdf-batch", new { }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/transcripts/pdf-batch",
            new { credentialIds = new[] { issued.CredentialId }, learnerIds = new[] { issued.School.LearnerA } }), HttpStatusCode.BadRequest, "validation-failed");
        var tooMany = await Problem.AssertAsync(await registrar.PostAsJsonAsync("/transcripts/pdf-batch",
            new { credentialIds = Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()).ToArray() }), HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await registrar.PostAsync("/transcripts/pdf-batch", new StringContent("{\"credentialIds\": [\"x\"]}", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "malformed-json");
        await Problem.AssertAsync(await learner.PostAsJsonAsync("/transcripts/pdf-batch", new { credentialIds = new[] { issued.CredentialId } }),
            HttpStatusCode.Forbidden, "forbidden");

        Assert.True(tooMany.GetProperty("errors").TryGetProperty("credentialIds", out _));
    }

    public sealed class OnSqlite(SqliteApp app) : TranscriptPdfEndpointTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TranscriptPdfEndpointTests(app), IClassFixture<PostgresApp>;
}

/// <summary>A service whose configured template is broken: every render names the field.</summary>
public sealed class BrokenTemplateTests(BrokenTemplateTests.App app) : IClassFixture<BrokenTemplateTests.App>
{
    public sealed class App : TranscriptsApp
    {
        protected override void ConfigureStorage(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            var path = Path.Combine(DataDir, "broken.json");
            File.WriteAllText(path, File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json"))
                .Replace("\"accent\": \"#1a4f8b\"", "\"accent\": \"dark blue\"", StringComparison.Ordinal));
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("TranscriptPdf:TemplatePath", path);
        }

        public override void EnsureAvailable()
        {
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataDir))
            {
                Directory.Delete(DataDir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Pdf_with_a_broken_template_is_refused_naming_the_field()
    {
        var issued = await IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);

        var problem = await Problem.AssertAsync(await registrar.GetAsync($"/credentials/{issued.CredentialId}/pdf"),
            HttpStatusCode.ServiceUnavailable, "transcript-template-invalid");

        Assert.True(problem.GetProperty("errors").TryGetProperty("colours.accent", out _), problem.ToString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.Record.StartsWith("transcript PDF"))));
    }
}
