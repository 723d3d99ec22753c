using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>The PDF of an issued transcript: the stored bytes attached, and a QR token signed by the credential's key over its hash.</summary>
public sealed class GetTranscriptPdfTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly PdfTool.TempFolder _folder = new();

    [SkippableFact]
    public async Task The_pdf_attaches_the_stored_credential_and_its_qr_token_matches_it()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var classmate = app.CreateClientFor(seeded.School.LearnerBKey);
        var id = (await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }))).GetProperty("id").GetGuid();

        var response = await registrar.GetAsync($"/credentials/{id}/transcript.pdf");
        var pdf = _folder.Write("t.pdf", await response.Content.ReadAsByteArrayAsync());
        PdfTool.Run("pdfdetach", "poppler-utils", "-save", "1", "-o", _folder.File("clr.json"), pdf);
        PdfTool.Run("pdftoppm", "poppler-utils", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, _folder.File("page1"));
        var qr = PdfTool.Run("zbarimg", "zbar-tools", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", _folder.File("page1.png")).Stdout.TrimEnd('\n');

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var stored = await app.WithDbAsync(db => db.Credentials.SingleAsync(c => c.Id == id));
        Assert.Equal(stored.Bytes, File.ReadAllBytes(_folder.File("clr.json")));
        Assert.True(TranscriptQr.TryParse(qr, out var parsed), qr);
        var token = TranscriptToken.Parse(parsed!.Token, parsed.CredentialId);
        Assert.True(token.Matches(stored.Bytes));
        var key = await app.WithDbAsync(db => db.SigningKeys.SingleAsync(k => k.Id == stored.SigningKeyId));
        Assert.True(token.IsSignedBy(Multikey.Decode(key.PublicKeyMultibase)));
        Assert.Equal("Ελένη Παπαδοπούλου", token.LearnerName);
        await Problem.AssertAsync(await classmate.GetAsync($"/credentials/{id}/transcript.pdf"), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await registrar.GetAsync($"/credentials/{seeded.CredentialId}/transcript.pdf"), HttpStatusCode.NotFound, "not-found");
    }

    public void Dispose() => _folder.Dispose();
}
