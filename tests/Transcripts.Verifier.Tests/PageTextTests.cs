using PdfSharp.Drawing;
using UglyToad.PdfPig;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

/// <summary>
/// PDFs printed before transcripts were signed as documents (Files/transcript-unsigned.pdf): the page text is compared
/// with the signed credential, so a forged page is caught even without a document signature.
/// </summary>
public sealed class PageTextTests
{
    private const string Check = "page text";

    [Fact]
    public async Task Verify_exits_0_for_an_unsigned_pdf_whose_page_says_what_the_credential_does()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript-unsigned.pdf"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Null(Status(report, "document signature"));
        Assert.Equal("passed", Status(report, Check));
        Assert.Contains("4 competencies with their levels agree", Reason(report, Check));
    }

    [SkippableFact]
    public async Task Verify_exits_1_when_a_level_on_an_unsigned_pdf_is_overlaid_with_another()
    {
        var pdf = Files.Bytes("transcript-unsigned.pdf");
        var (word, level, other) = LevelOfFirstCompetency(pdf);
        var forged = DocumentSignatureTests.Modify(pdf, document =>
        {
            DejaVuResolver.Install();
            var page = document.Pages[0];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var top = page.Height.Point - word.Top;
            g.DrawRectangle(XBrushes.White, word.Left - 1, top - 1, word.Width + 30, word.Height + 3);
            g.DrawString(other, new XFont("DejaVu Sans", 8), XBrushes.Black, word.Left, page.Height.Point - word.Bottom);
        });
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, store.Write("overlaid.pdf", forged));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains($"the page shows C001-A at the level {other} as well as {level}; the credential says {level}", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_and_lists_every_difference_when_the_page_belongs_to_another_credential()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript-attachment-replaced.pdf"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        var reason = Reason(report, Check);
        Assert.Contains("does not show the learner's name \"Alex Example\"", reason);
        Assert.Contains("does not show the transcript id 5a1c9e20-7b44-4f3a-8d15-2c6e9f0b7a38", reason);
        Assert.Contains("the page names the transcript 0f5e7c1a-3d2b-4c8e-9a41-6b7d2e8f9c10", reason);
    }

    [Fact]
    public async Task Verify_cannot_tell_when_an_unsigned_pdf_has_no_readable_page_text()
    {
        var blank = DocumentSignatureTests.Modify(Files.Bytes("transcript-unsigned.pdf"), document =>
        {
            foreach (var page in document.Pages)
            {
                page.Contents.Elements.Clear();
            }
        });
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, store.Write("blank.pdf", blank));

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, Check));
    }

    /// <summary>The level word printed on the row of C001-A, its name, and another level of the scale.</summary>
    private static (UglyToad.PdfPig.Core.PdfRectangle Box, string Level, string Other) LevelOfFirstCompetency(byte[] pdf)
    {
        var credential = Files.Json("clr-transcript.json");
        var badge = credential["credentialSubject"]!["verifiableCredential"]!.AsArray().First(b => (string?)b!["credentialSubject"]!["achievement"]!["humanCode"] == "C001-A")!;
        var achieved = (string)badge["credentialSubject"]!["result"]![0]!["achievedLevel"]!;
        var levels = badge["credentialSubject"]!["achievement"]!["resultDescription"]![0]!["rubricCriterionLevel"]!.AsArray();
        var level = (string)levels.First(l => (string?)l!["id"] == achieved)!["name"]!;
        var other = (string)levels.First(l => (string?)l!["id"] != achieved)!["name"]!;
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        var code = words.First(w => w.Text == "C001-A");
        var word = words.First(w => w.Text == level && Math.Abs(w.BoundingBox.Bottom - code.BoundingBox.Bottom) < 2);
        return (word.BoundingBox, level, other);
    }
}
