using System.Text.Json.Nodes;
using SkiaSharp;
using static Transcripts.Verifier.Tests.Scans.ScanImages;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests.Scans;

/// <summary>Paper transcripts photographed or scanned, as an admissions office receives them: the QR code is found and its token verified offline.</summary>
public sealed class ScanTests
{
    private const string Learner = "Zoë Ødegård-Šimić";
    private const string TranscriptId = "urn:uuid:0f5e7c1a-3d2b-4c8e-9a41-6b7d2e8f9c10";

    public static TheoryData<int, string> Matrix()
    {
        var data = new TheoryData<int, string>();
        foreach (var dpi in new[] { 150, 300 })
        {
            foreach (var scan in s_scans.Keys)
            {
                data.Add(dpi, scan);
            }
        }
        return data;
    }

    // The same physical blur (σ ≈ 0.12 mm) and tilt at both resolutions; 150 dpi gives under three pixels a QR module.
    private static readonly Dictionary<string, Func<int, byte[]>> s_scans = new()
    {
        ["colour PNG"] = dpi => Page(dpi),
        ["grayscale PNG"] = dpi => Page(dpi, gray: true),
        ["turned 90°"] = dpi => Transform(dpi, page => Png(Turn(page, 90))),
        ["turned 180°"] = dpi => Transform(dpi, page => Png(Turn(page, 180))),
        ["JPEG quality 60"] = dpi => Transform(dpi, page => Jpeg(page, 60)),
        ["skewed 3.5° in perspective"] = dpi => Transform(dpi, page => Jpeg(Turn(page, 3.5f, 0.003f / dpi), 80)),
        ["blurred"] = dpi => Transform(dpi, page => Png(Turn(page, 0, blurSigma: 0.7f * dpi / 150))),
        ["skewed, blurred and JPEG 60"] = dpi => Transform(dpi, page => Jpeg(Turn(page, -2f, 0.003f / dpi, 0.6f * dpi / 150), 60)),
    };

    private static byte[] Transform(int dpi, Func<SKBitmap, byte[]> change)
    {
        using var page = Decode(Page(dpi));
        return change(page);
    }

    [SkippableTheory, MemberData(nameof(Matrix))]
    public async Task Verify_finds_and_checks_the_qr_code_of_a_scanned_page(int dpi, string scan)
    {
        using var store = TempStore.Trusting();
        var bytes = s_scans[scan](dpi);
        var path = store.Write(bytes[0] == 0xFF ? "scan.jpg" : "scan.png", bytes);

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.True(run.Exit == ExitCodes.Valid, run.Out + run.Err);
        var input = report["inputs"]![0]!;
        Assert.Equal("scanned transcript", (string?)input["kind"]);
        Assert.Equal("passed", Status(report, "QR token"));
        Assert.Equal(Learner, (string?)input["qr"]!["learner"]);
        Assert.Equal(TranscriptId, (string?)input["qr"]!["credentialId"]);
        Assert.Equal("from the QR code in the scanned image", (string?)input["scan"]!["qrFound"]);
        Assert.StartsWith($"VALID QR CODE — signed by Riverside Community College, as your trust store knows it, for {Learner}", (string?)input["sentence"]);
    }

    [SkippableTheory]
    [InlineData("JPEG")]
    [InlineData("PNG")]
    public async Task Verify_reads_the_page_image_of_a_scanners_pdf(string format)
    {
        using var store = TempStore.Trusting();
        var picture = format == "JPEG" ? Transform(300, page => Jpeg(page, 85)) : Page(150, gray: true);
        var path = store.Write("scan.pdf", ScannerPdf(picture));

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.True(run.Exit == ExitCodes.Valid, run.Out + run.Err);
        Assert.Equal("scanned transcript", (string?)report["inputs"]![0]!["kind"]);
        Assert.Contains("page 1 of the scanned PDF", Reason(report, "QR token"));
    }

    [SkippableFact]
    public async Task Verify_searches_every_page_of_a_scanners_pdf_for_the_qr_code()
    {
        using var store = TempStore.Trusting();
        var path = store.Write("shuffled.pdf", ScannerPdf(Page(150, page: 2), Page(150)));

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal("from the QR code on page 2 of the scanned PDF", (string?)report["inputs"]![0]!["scan"]!["qrFound"]);
    }

    [SkippableFact]
    public async Task Verify_says_what_the_token_vouches_for_and_that_the_competencies_need_the_credential()
    {
        using var store = TempStore.Trusting();
        var path = store.Write("scan.png", Page(150));

        var run = await RunAsync("verify", path, "--trust-store", store.Folder);
        var (_, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Contains("What the QR token (from the QR code in the scanned image) vouches for", run.Out);
        Assert.Contains("What only the page shows, which the QR code does not cover: the competencies", run.Out);
        Assert.Contains("The QR code does not carry the competencies", run.Out);
        Assert.DoesNotContain("C002-B", run.Out);
        var scan = report["inputs"]![0]!["scan"]!;
        Assert.Null(scan["signedCompetencies"]);
        Assert.Equal(new[] { "learner", "credentialId", "issueDate", "issuer" }, scan["vouchedFor"]!.AsArray().Select(v => (string?)v));
    }

    [SkippableFact]
    public async Task Verify_lists_the_signed_competencies_when_the_run_holds_the_credential_the_qr_code_names()
    {
        using var store = TempStore.Trusting();
        var path = store.Write("scan.jpg", Transform(300, page => Jpeg(page, 60)));

        var run = await RunAsync("verify", path, Files.Path("transcript.pdf"), "--trust-store", store.Folder);
        var (json, report) = await VerifyJsonAsync(store, path, Files.Path("transcript.pdf"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Contains("The signed competencies to compare with the page, from", run.Out);
        Assert.Matches(@"\| C002-B Scientific inquiry\s+\| Mastered\s+\|", run.Out);
        var scan = report["inputs"]![0]!["scan"]!;
        Assert.True((bool)scan["comparedWith"]!["sameSha256"]!);
        Assert.Equal(4, scan["signedCompetencies"]!.AsArray().Count);
        Assert.Equal(ExitCodes.Valid, json.Exit);
    }

    [SkippableFact]
    public async Task Verify_does_not_show_competencies_from_a_credential_with_the_same_id_but_other_bytes()
    {
        // A valid copy of the transcript, written out again: same id and signature, but not the bytes the token names.
        using var store = TempStore.Trusting();
        var scan = store.Write("scan.png", Page(150));
        var rewritten = store.Write("rewritten.json", System.Text.Encoding.UTF8.GetBytes(
            Files.Json("clr-transcript.json").ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n"));

        var (run, report) = await VerifyJsonAsync(store, scan, rewritten);

        Assert.Equal(ExitCodes.Valid, run.Exit);
        var compared = report["inputs"]![0]!["scan"]!;
        Assert.False((bool)compared["comparedWith"]!["sameSha256"]!);
        Assert.Null(compared["signedCompetencies"]);
    }

    [SkippableFact]
    public async Task Verify_exits_1_for_a_scanned_qr_code_whose_token_was_edited()
    {
        using var store = TempStore.Trusting();
        var path = store.Write("forged.png", QrPicture(File.ReadAllText(Files.Path("transcript-edited.qr.txt")).Trim()));

        var (run, report) = await VerifyJsonAsync(store, path);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "QR token"));
        Assert.StartsWith("INVALID — QR token:", (string?)report["inputs"]![0]!["sentence"]);
    }

    public static TheoryData<string, string> NoQr() => new()
    {
        { "page 2 as an image", "No QR code was found in the image" },
        { "page 2 in a scanner's PDF", "The PDF has no embedded credential, and no QR code was found in its 1 page image" },
        { "a QR code of something else", "The scan holds a QR code, but not a Transcripts one (it reads \"https://example.org/welcome\")" },
    };

    [SkippableTheory, MemberData(nameof(NoQr))]
    public async Task Verify_exits_2_with_one_sentence_for_a_scan_without_a_transcripts_qr_code(string scan, string expected)
    {
        using var store = TempStore.Trusting();
        var path = scan switch
        {
            "page 2 as an image" => store.Write("page2.png", Page(150, page: 2)),
            "page 2 in a scanner's PDF" => store.Write("page2.pdf", ScannerPdf(Page(150, page: 2))),
            _ => store.Write("other.png", QrPicture("https://example.org/welcome")),
        };

        var run = await RunAsync("verify", path, "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        var message = run.Err.Trim();
        Assert.Single(message.Split('\n'));
        Assert.Contains(expected, message);
        Assert.EndsWith(".", message);
        Assert.False(run.HasStackTrace);
    }
}
