using Transcripts.Tests;
using System.Text.Json.Nodes;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>Text the fonts cannot draw fails with the characters named, or is drawn by a fallback font — never as boxes.</summary>
public sealed class MissingGlyphsTests : IDisposable
{
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Cjk_name_fails_naming_the_missing_characters_when_only_dejavu_is_configured()
    {
        var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());

        var error = Assert.Throws<MissingGlyphsException>(() => renderer.Render(SampleTranscripts.Create(learner: "山田太郎")));

        Assert.Equal("山田太郎", error.MissingCharacters);
        Assert.Contains("'山' (U+5C71)", error.Message);
        Assert.Contains("DejaVuSans.ttf", error.Message);
    }

    [Fact]
    public void Arabic_in_a_statement_fails_when_the_serif_face_has_no_arabic_and_there_is_no_fallback()
    {
        var template = SerifTemplate(fallbacks: []);
        var sample = SampleTranscripts.Create(4);
        var competency = sample.Domains[0].Competencies[0] with { Statement = "Reads سلام aloud." };
        var document = sample with { Domains = [sample.Domains[0] with { Competencies = [competency] }] };

        var error = Assert.Throws<MissingGlyphsException>(() => new TranscriptPdfRenderer(template).Render(document));

        Assert.Equal("سلام", error.MissingCharacters);
    }

    [SkippableFact]
    public void Fallback_font_draws_characters_the_primary_font_lacks()
    {
        // DejaVu Serif has no Tifinagh; DejaVu Sans, the fallback, has it.
        const string name = "Tiziri ⵜⵉⵣⵉⵔⵉ Amellal";
        var template = SerifTemplate(fallbacks: ["DejaVuSans.ttf"]);

        var pdf = _folder.Write("fallback.pdf", new TranscriptPdfRenderer(template).Render(SampleTranscripts.Create(learner: name)));
        var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;
        var fonts = DebianTool.Run("pdffonts", "poppler-utils", pdf).Stdout;

        Assert.Contains(name, text);
        Assert.Contains("+DejaVu Serif ", fonts);
        Assert.Contains("+DejaVu Sans ", fonts);
    }

    [Fact]
    public void Arabic_name_fails_with_only_dejavu_because_it_would_print_unshaped()
    {
        var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());

        var error = Assert.Throws<MissingGlyphsException>(() => renderer.Render(SampleTranscripts.Create(learner: "Layla ليلى")));

        Assert.Equal("ليى", error.MissingCharacters);
        Assert.Contains("(U+0644)", error.Message);
    }

    [Fact]
    public void Text_the_primary_font_covers_is_one_run_without_fallback()
    {
        var fonts = new FontSet(SerifTemplate(fallbacks: ["DejaVuSans.ttf"]).Fonts);

        var runs = fonts.Runs("Ελένη Παπαδοπούλου ⵜⵉⵣⵉⵔⵉ", bold: false).ToList();

        Assert.Equal(2, runs.Count);
        Assert.Equal("Ελένη Παπαδοπούλου ", runs[0].Text);
        Assert.Equal("ⵜⵉⵣⵉⵔⵉ", runs[1].Text);
        Assert.NotEqual(runs[0].Face, runs[1].Face);
    }

    private TranscriptTemplate SerifTemplate(string[] fallbacks)
    {
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["fonts"]!["regular"] = "DejaVu Serif";
        json["fonts"]!["bold"] = "DejaVu Serif";
        json["fonts"]!["fallbacks"] = new JsonArray([.. fallbacks.Select(f => (JsonNode)JsonValue.Create(f))]);
        return TranscriptTemplateLoader.Parse(json.ToJsonString(), "serif", _folder.Path);
    }
}
