using Transcripts.Tests;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

/// <summary>
/// Forgeries of a signed PDF transcript (Files/transcript.pdf, signed by VerifierFixtureGenerator with the school's
/// document-signing key): each must be INVALID with the document signature named, because the page, the attachment
/// or the metadata differ from what the school signed.
/// </summary>
public sealed class DocumentSignatureTests
{
    private const string Check = "document signature";

    [Fact]
    public async Task Verify_exits_0_and_passes_the_document_signature_first_for_a_genuine_signed_pdf()
    {
        using var store = TempStore.Trusting();

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript.pdf"));

        Assert.Equal(ExitCodes.Valid, run.Exit);
        Assert.Equal(Check, (string?)report["inputs"]![0]!["checks"]![0]!["name"]);
        Assert.Equal("passed", Status(report, Check));
        Assert.Contains("not one byte has changed", Reason(report, Check));
        Assert.Contains(Files.Did + "#key-2026-documents", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_an_incremental_update_is_appended()
    {
        var pdf = Files.Bytes("transcript.pdf");
        var forged = AppendIncrementalUpdate(pdf, "<< /Title (Transcript - forged) /Producer (an editor) >>");

        var (run, report) = await VerifyForgeryAsync("appended.pdf", forged);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("changed after the school signed it", Reason(report, Check));
        Assert.Contains("appended", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_metadata_token_is_edited_in_place()
    {
        var text = Encoding.Latin1.GetString(Files.Bytes("transcript.pdf"));
        var token = Regex.Match(text, @"/TranscriptsQr\s*\((?<qr>[^)]+)\)").Groups["qr"];
        Assert.True(token.Success);
        var at = token.Index + token.Length - 5;
        var forged = text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..];

        var (run, report) = await VerifyForgeryAsync("token-edited.pdf", Encoding.Latin1.GetBytes(forged));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("the signed bytes no longer match", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_a_text_object_on_the_page_is_edited()
    {
        var forged = Modify(Files.Bytes("transcript.pdf"), document =>
        {
            var content = FirstContentStream(document.Pages[0]);
            var decoded = Encoding.Latin1.GetString(content.Stream.UnfilteredValue);
            var glyphs = Regex.Match(decoded, @"<(?<hex>[0-9A-Fa-f]{8,})>\s*Tj");
            Assert.True(glyphs.Success);
            var hex = glyphs.Groups["hex"];
            var edited = decoded[..hex.Index] + hex.Value[4..8] + hex.Value[..4] + decoded[(hex.Index + 8)..];
            content.Stream.Value = Deflate(Encoding.Latin1.GetBytes(edited));
            content.Elements.SetName("/Filter", "/FlateDecode");
        });

        var (run, report) = await VerifyForgeryAsync("text-edited.pdf", forged);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("changed after the school signed it", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_attachment_is_replaced()
    {
        var other = Encoding.UTF8.GetBytes(Files.Json("clr-transcript.json").ToJsonString().Replace("Zoë", "Zoe", StringComparison.Ordinal));
        var forged = Modify(Files.Bytes("transcript.pdf"), document =>
        {
            var names = document.Internals.Catalog.Elements.GetDictionary("/Names")!.Elements.GetDictionary("/EmbeddedFiles")!.Elements.GetArray("/Names")!;
            var spec = (PdfDictionary)((PdfReference)names.Elements[1]).Value;
            var file = spec.Elements.GetDictionary("/EF")!.Elements.GetDictionary("/F")!;
            file.Stream.Value = Deflate(other);
        });

        var (run, report) = await VerifyForgeryAsync("attachment-replaced.pdf", forged);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("changed after the school signed it", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_a_page_is_removed()
    {
        var forged = Modify(Files.Bytes("transcript.pdf"), document =>
        {
            Assert.True(document.PageCount > 1, "The signed fixture should have more than one page.");
            document.Pages.RemoveAt(document.PageCount - 1);
        });

        var (run, report) = await VerifyForgeryAsync("page-removed.pdf", forged);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
    }

    [SkippableFact]
    public async Task Verify_exits_1_when_a_level_is_painted_over_in_place_and_saved()
    {
        var forged = Modify(Files.Bytes("transcript.pdf"), document => Overlay(document.Pages[0]));

        var (run, report) = await VerifyForgeryAsync("painted.pdf", forged);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
    }

    [SkippableFact]
    public async Task Verify_exits_1_when_a_page_is_overlaid_with_qpdf()
    {
        using var store = TempStore.Trusting();
        var edit = store.Write("edit.pdf", OverlayPage());
        var original = store.Write("in.pdf", Files.Bytes("transcript.pdf"));
        var output = Path.Combine(store.Folder, "out.pdf");

        var qpdf = DebianTool.Run("qpdf", "qpdf", original, "--overlay", edit, "--", output);

        Assert.True(qpdf.ExitCode is 0 or 3, qpdf.Stderr);   // 3: finished with warnings
        var (run, report) = await VerifyJsonAsync(store, output);
        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("changed after the school signed it", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_pdf_is_signed_by_a_key_the_trust_store_does_not_list_for_the_school()
    {
        var (run, report) = await VerifyForgeryAsync("stranger.pdf", Files.Bytes("transcript-signed-by-stranger.pdf"));

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("not with a document-signing key your trust store lists", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_exits_1_when_the_school_revoked_its_document_key()
    {
        using var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["didDocument"]!["verificationMethod"]![1]!["revoked"] = "2026-08-01T00:00:00Z";
        new TrustStore.TrustStore(store.Folder).Save(TrustStore.TrustedIssuer.FromFile(Encoding.UTF8.GetBytes(bundle.ToJsonString())));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript.pdf"), "--no-status");

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, Check));
        Assert.Contains("revoked", Reason(report, Check));
    }

    [Fact]
    public async Task Verify_cannot_tell_when_the_trust_store_lists_no_document_key_for_the_school()
    {
        using var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["didDocument"]!.AsObject().Remove("documentSigning");
        new TrustStore.TrustStore(store.Folder).Save(TrustStore.TrustedIssuer.FromFile(Encoding.UTF8.GetBytes(bundle.ToJsonString())));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("transcript.pdf"), "--no-status");

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Equal("unknown", Status(report, Check));
        Assert.Contains("lists no document-signing key", Reason(report, Check));
    }

    private static async Task<(VerifierRun Run, System.Text.Json.Nodes.JsonObject Report)> VerifyForgeryAsync(string name, byte[] pdf)
    {
        using var store = TempStore.Trusting();
        return await VerifyJsonAsync(store, store.Write(name, pdf));
    }

    /// <summary>A classic incremental update (ISO 32000-1 §7.5.6) that replaces the document information dictionary.</summary>
    internal static byte[] AppendIncrementalUpdate(byte[] pdf, string info)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = long.Parse(Regex.Matches(text, @"startxref\s+(\d+)")[^1].Groups[1].Value);
        var trailer = Regex.Matches(text, @"trailer\s*<<(?<body>.*?)>>[^\n]*\s*startxref", RegexOptions.Singleline)[^1].Groups["body"].Value;
        var size = int.Parse(Regex.Match(trailer, @"/Size\s+(\d+)").Groups[1].Value);
        var root = Regex.Match(trailer, @"/Root\s+(\d+\s+\d+\s+R)").Groups[1].Value;
        var update = new StringBuilder("\n");
        var offset = pdf.Length + update.Length;
        update.Append($"{size} 0 obj\n{info}\nendobj\n");
        var xref = pdf.Length + update.Length;
        update.Append($"xref\n{size} 1\n{offset:D10} 00000 n \ntrailer\n<< /Size {size + 1} /Root {root} /Info {size} 0 R /Prev {startXref} >>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    internal static byte[] Modify(byte[] pdf, Action<PdfDocument> edit)
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        edit(document);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>The forger's edit: a white box over a level and the word "Mastered" in its place.</summary>
    internal static void Overlay(PdfPage page)
    {
        DejaVuResolver.Install();
        using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        g.DrawRectangle(XBrushes.White, 400, 330, 120, 14);
        g.DrawString("Mastered", new XFont("DejaVu Sans", 9), XBrushes.Black, 402, 341);
    }

    private static byte[] OverlayPage()
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        Overlay(page);
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static PdfDictionary FirstContentStream(PdfPage page) =>
        page.Contents.Elements.Select(e => (e as PdfReference)?.Value).OfType<PdfDictionary>().First(d => d.Stream is not null);

    internal static byte[] Inflate(byte[] zlib)
    {
        using var inflate = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    internal static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }
        return output.ToArray();
    }
}
