using Transcripts.Tests;
using System.Text.Json.Nodes;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

public sealed class TranscriptLogoAndFontTests : IDisposable
{
    /// <summary>A 40×20 blue PNG.</summary>
    private const string LogoBase64 =
        "iVBORw0KGgoAAAANSUhEUgAAACgAAAAUCAIAAABwJOjsAAAAJElEQVR4nGOQC1gwIIhh1OJRi0ctHrV41OJRi0ctHrV45FgMAGZRS+4RFf82AAAAAElFTkSuQmCC";

    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Template_logo_from_a_data_uri_is_drawn_as_an_image()
    {
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["logo"] = "data:image/png;base64," + LogoBase64;
        var template = TranscriptTemplateLoader.Parse(json.ToJsonString(), "logo", _folder.Path);

        var pdf = _folder.Write("logo.pdf", new TranscriptPdfRenderer(template).Render(SampleTranscripts.Create()));
        var images = DebianTool.Run("pdfimages", "poppler-utils", "-list", pdf).Stdout;

        Assert.Contains(" 40    20 ", images);
        Assert.Equal(0, DebianTool.Run("qpdf", "qpdf", "--check", pdf).ExitCode);
    }

    [SkippableFact]
    public void Institution_logo_from_a_file_path_template_and_bytes_in_the_document()
    {
        File.WriteAllBytes(_folder.File("logo.png"), Convert.FromBase64String(LogoBase64));
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["logo"] = "logo.png";
        var template = TranscriptTemplateLoader.Parse(json.ToJsonString(), "logo", _folder.Path);
        var document = SampleTranscripts.Create() with
        {
            Institution = SampleTranscripts.Create().Institution with { Logo = Convert.FromBase64String(LogoBase64) },
        };

        var pdf = _folder.Write("logo.pdf", new TranscriptPdfRenderer(template).Render(document));

        Assert.Contains(" 40    20 ", DebianTool.Run("pdfimages", "poppler-utils", "-list", pdf).Stdout);
    }

    [Fact]
    public void Cmap_of_dejavu_sans_covers_vietnamese_greek_and_cyrillic_but_not_cjk()
    {
        var cmap = TrueTypeCmap.Read(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

        Assert.All("ễịØŠΕλАн", c => Assert.True(cmap.Covers(c), $"U+{(int)c:X4}"));
        Assert.False(cmap.Covers('山'));
        Assert.True(cmap.Count > 3000);
    }

    [Fact]
    public void A_file_that_is_not_a_font_gives_the_template_error_naming_the_field()
    {
        File.WriteAllText(_folder.File("broken.ttf"), "not a font at all, just text long enough to be read");
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["fonts"]!["fallbacks"] = new JsonArray("broken.ttf");
        var template = TranscriptTemplateLoader.Parse(json.ToJsonString(), "broken-font", _folder.Path);

        var error = Assert.Throws<TranscriptTemplateException>(() => new TranscriptPdfRenderer(template));

        Assert.Equal("fonts.fallbacks[0]", error.Field);
    }
}
