using Transcripts.Tests;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Transcripts.Api.Tests.Features.Transcripts;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Tests.Features.Verification;

/// <summary>
/// The public page in headless Chromium against the service on Kestrel, opened from the QR code of a real PDF (its origin
/// swapped for the test server's). Screenshots are saved under <c>artifacts/</c> in the test output folder.
/// </summary>
public sealed partial class VerificationPageBrowserTests(KestrelApp app) : IClassFixture<KestrelApp>, IDisposable
{
    private static readonly string s_artifacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<(IssuedTranscript Issued, TranscriptQr Qr)> PrintedAsync()
    {
        Chromium.EnsureAvailable();
        var issued = await IssuedTranscript.CreateAsync(app);
        return (issued, await PrintedQrAsync(issued, issued.CredentialId));
    }

    private async Task<TranscriptQr> PrintedQrAsync(IssuedTranscript issued, Guid credentialId)
    {
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var pdf = _folder.Write($"{credentialId}.pdf", await (await registrar.GetAsync($"/credentials/{credentialId}/pdf")).Content.ReadAsByteArrayAsync());
        DebianTool.Run("pdftoppm", "poppler-utils", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, _folder.File("page1"));
        var scan = DebianTool.Run("zbarimg", "zbar-tools", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", _folder.File("page1.png"));
        Assert.True(TranscriptQr.TryParse(scan.Stdout.Trim(), out var qr), scan.Stdout + scan.Stderr);
        return qr;
    }

    private string Local(TranscriptQr qr, string? token = null) =>
        new Uri(app.BaseAddress, $"/v/{qr.CredentialId["urn:uuid:".Length..]}#{token ?? qr.Token}").AbsoluteUri;

    private static string StateOf(string dom, string id) =>
        Regex.Match(Regex.Match(dom, $"<section[^>]*id=\"{id}\"[^>]*>").Value, "data-state=\"([a-z]+)\"").Groups[1].Value;

    [SkippableFact]
    public async Task Page_opened_from_the_printed_qr_code_says_the_code_matches()
    {
        var (issued, qr) = await PrintedAsync();

        var dom = await Chromium.DumpDomAsync(Local(qr));
        await Chromium.ScreenshotAsync(Local(qr), Path.Combine(s_artifacts, "verification-page-valid.png"));

        Assert.Equal("pass", StateOf(dom, "qr"));
        Assert.Contains("The QR code matches this transcript", dom, StringComparison.Ordinal);
        Assert.Contains("Signed with Test school’s published key", dom, StringComparison.Ordinal);
        Assert.Equal("valid", StateOf(dom, "status"));
        Assert.DoesNotContain("Ελένη", app.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(qr.Token[..20], app.Logs.All, StringComparison.Ordinal);
        _ = issued;
    }

    [SkippableFact]
    public async Task Page_checks_a_qr_code_signed_with_an_ecdsa_p256_key()
    {
        Chromium.EnsureAvailable();
        var issued = await IssuedTranscript.CreateAsync(app);
        using var admin = app.CreateClientFor(issued.School.Admin);
        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "P256" })).EnsureSuccessStatusCode();

        var qr = await PrintedQrAsync(issued, issued.CredentialId);
        var dom = await Chromium.DumpDomAsync(Local(qr));

        Assert.StartsWith(issued.School.Did + "#zDn", TranscriptToken.Parse(qr.Token, qr.CredentialId).VerificationMethod, StringComparison.Ordinal);
        Assert.Equal("pass", StateOf(dom, "qr"));
    }

    [SkippableFact]
    public async Task Page_with_a_tampered_token_or_another_transcripts_token_says_it_does_not_match()
    {
        var (issued, qr) = await PrintedAsync();
        var chars = qr.Token.ToCharArray();
        chars[^10] = chars[^10] == 'A' ? 'B' : 'A';
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        var subset = await Seeded.Id(await registrar.PostAsJsonAsync("/credentials/transcripts",
            new { learnerId = issued.School.LearnerA, attainmentIds = new[] { issued.Seeded.AttainmentId } }));
        var otherQr = await PrintedQrAsync(issued, subset);

        var tampered = await Chromium.DumpDomAsync(Local(qr, new string(chars)));
        await Chromium.ScreenshotAsync(Local(qr, new string(chars)), Path.Combine(s_artifacts, "verification-page-tampered.png"));
        var garbage = await Chromium.DumpDomAsync(Local(qr, "not-a-token"));
        var moved = await Chromium.DumpDomAsync(Local(qr, otherQr.Token));

        Assert.Equal("fail", StateOf(tampered, "qr"));
        Assert.Contains("The QR code does NOT match this transcript", tampered, StringComparison.Ordinal);
        Assert.Contains("The signature is not valid", tampered, StringComparison.Ordinal);
        Assert.Equal("fail", StateOf(garbage, "qr"));
        Assert.Contains("The QR code could not be read", garbage, StringComparison.Ordinal);
        Assert.Equal("fail", StateOf(moved, "qr"));
        Assert.Contains("It was made for a different transcript", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("Ελένη", moved, StringComparison.Ordinal);   // the server does not open the record for another transcript's token
    }

    [SkippableFact]
    public async Task Page_of_a_revoked_transcript_says_revoked_with_date_and_reason()
    {
        var (issued, qr) = await PrintedAsync();
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        (await registrar.PostAsJsonAsync($"/credentials/{issued.CredentialId}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();

        var dom = await Chromium.DumpDomAsync(Local(qr));
        await Chromium.ScreenshotAsync(Local(qr), Path.Combine(s_artifacts, "verification-page-revoked.png"));

        Assert.Equal("revoked", StateOf(dom, "status"));
        Assert.Contains("Revoked on 2026-09-01. Reason: withdrawn by the school.", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("Issued in error", dom, StringComparison.Ordinal);
        Assert.Equal("pass", StateOf(dom, "qr"));
    }

    [SkippableFact]
    public async Task Unknown_id_shows_the_404_page()
    {
        Chromium.EnsureAvailable();
        var url = new Uri(app.BaseAddress, $"/v/{Guid.NewGuid()}#AQ").AbsoluteUri;
        using var anonymous = app.CreateClient();

        var dom = await Chromium.DumpDomAsync(url);
        await Chromium.ScreenshotAsync(url, Path.Combine(s_artifacts, "verification-page-not-found.png"));

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).AbsolutePath)).StatusCode);
        Assert.Contains("No transcript at this address", dom, StringComparison.Ordinal);
    }
}
