using Transcripts.Tests;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>Round trips through the Debian tools a verifier or an admissions office would use on the PDF.</summary>
public sealed class RenderTranscriptPdfTests : IDisposable
{
    private static readonly string[] s_names = ["Nguyễn Thị Minh Khai", "Zoë Ødegård-Šimić", "Ελένη Παπαδοπούλου", "Анна Кузнецова"];
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] Render(TranscriptDocument document) =>
        new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate()).Render(document);

    [SkippableFact]
    public void Qr_code_on_page_1_decodes_to_exactly_the_qr_text()
    {
        var pdf = _folder.Write("t.pdf", Render(SampleTranscripts.Create()));

        var raster = DebianTool.Run("pdftoppm", "poppler-utils", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", pdf, _folder.File("page1"));
        Assert.Equal(0, raster.ExitCode);
        var scan = DebianTool.Run("zbarimg", "zbar-tools", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", _folder.File("page1.png"));

        Assert.Equal(0, scan.ExitCode);
        Assert.Equal(SampleTranscripts.QrText, scan.Stdout.TrimEnd('\n'));
    }

    [SkippableFact]
    public void Qr_code_and_chart_are_vectors_not_images()
    {
        var pdf = _folder.Write("t.pdf", Render(SampleTranscripts.Create()));

        var images = DebianTool.Run("pdfimages", "poppler-utils", "-list", pdf).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, images.Length);   // the column headings and the rule under them: no image rows
    }

    [SkippableFact]
    public void Attachment_extracts_byte_identical_to_the_credential()
    {
        var document = SampleTranscripts.Create(credentialBytes: 30_000);
        var pdf = _folder.Write("t.pdf", Render(document));

        var list = DebianTool.Run("pdfdetach", "poppler-utils", "-list", pdf);
        var save = DebianTool.Run("pdfdetach", "poppler-utils", "-save", "1", "-o", _folder.File("out.json"), pdf);

        Assert.Contains(EmbeddedCredential.DefaultFileName, list.Stdout);
        Assert.Equal(0, save.ExitCode);
        Assert.Equal(document.Credential.Content.ToArray(), File.ReadAllBytes(_folder.File("out.json")));
    }

    [SkippableTheory]
    [InlineData("Nguyễn Thị Minh Khai")]
    [InlineData("Zoë Ødegård-Šimić")]
    [InlineData("Ελένη Παπαδοπούλου")]
    [InlineData("Анна Кузнецова")]
    public void Learner_name_comes_back_exactly_from_pdftotext(string name)
    {
        var pdf = _folder.Write("t.pdf", Render(SampleTranscripts.Create(learner: name)));

        var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;

        Assert.Contains(name, text);
        Assert.Contains("Page 1 of ", text);
    }

    [SkippableFact]
    public void Every_name_in_the_document_extracts_and_pages_are_numbered_n_of_m()
    {
        var document = SampleTranscripts.Create(30) with
        {
            Institution = SampleTranscripts.Create().Institution with { AddressLines = [.. s_names.Skip(1)] },
        };
        var pdf = _folder.Write("t.pdf", Render(document));
        var pages = int.Parse(DebianTool.Run("pdfinfo", "poppler-utils", pdf).Stdout.Split('\n')
            .Single(l => l.StartsWith("Pages:")).Split(':')[1].Trim());

        var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;

        Assert.All(s_names.Skip(1), name => Assert.Contains(name, text));
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"Page {page} of {pages}", text);
        }
        Assert.DoesNotContain($"Page {pages + 1} of", text);
    }

    [SkippableFact]
    public void Qpdf_check_reports_no_errors()
    {
        var pdf = _folder.Write("t.pdf", Render(SampleTranscripts.Create(40)));

        var check = DebianTool.Run("qpdf", "qpdf", "--check", pdf);

        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.Contains("No syntax or stream encoding errors", check.Stdout);
    }

    [SkippableFact]
    public void Document_info_carries_metadata_and_the_qr_text()
    {
        var pdf = _folder.Write("t.pdf", Render(SampleTranscripts.Create()));

        var info = DebianTool.Run("pdfinfo", "poppler-utils", "-custom", pdf).Stdout;

        Assert.Contains($"TranscriptsQr:   {SampleTranscripts.QrText}", info);
        Assert.Contains("Author:          Riverside Community College", info);
        Assert.Contains("Creator:         Transcripts", info);
        Assert.Contains("Title:           Academic transcript — Zoë Ødegård-Šimić", info);
    }

    [Fact]
    public void Pdf_declares_pdf_a_3_and_embeds_subset_unicode_fonts()
    {
        var bytes = Render(SampleTranscripts.Create());
        var raw = System.Text.Encoding.Latin1.GetString(bytes);

        Assert.Contains("<pdfaid:part>3</pdfaid:part>", raw);
        Assert.Contains("/AFRelationship/Source", raw);
        Assert.Contains("/FontFile2", raw);
        Assert.Contains("/ToUnicode", raw);
        Assert.Matches("/BaseFont/[A-Z]{6}\\+", raw);
    }
}
