using Transcripts.Tests;
using System.Text.Json.Nodes;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

public sealed class TranscriptTemplateTests : IDisposable
{
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("transcript.default.json")]
    [InlineData("transcript.fr.json")]
    public void Shipped_templates_load(string file)
    {
        var template = TranscriptTemplateLoader.Load(SampleTranscripts.TemplatePath(file));

        Assert.Equal(6, template.Sections.Count);
        Assert.True(File.Exists(template.Fonts.Regular));
    }

    [Theory]
    [InlineData("colours.accent", "\"#12345\"", "colours.accent: '#12345' is not a colour like #1f6feb")]
    [InlineData("colours.levels[2]", "\"blue\"", "colours.levels[2]: 'blue' is not a colour like #1f6feb")]
    [InlineData("pageSize", "\"A5\"", "pageSize: 'A5' is not A4 or Letter.")]
    [InlineData("margins.left", "4", "margins.left: 4 is outside 18 to 144 points.")]
    [InlineData("margins.top", "\"wide\"", "margins.top: is not valid here")]
    [InlineData("labels.pageNumber", "\"Page {page}\"", "labels.pageNumber: 'Page {page}' must contain {pages}.")]
    [InlineData("labels.title", "\"\"", "labels.title: is required and must not be empty.")]
    [InlineData("sections[1]", "\"appendix\"", "sections[1]: 'appendix' is not one of")]
    [InlineData("fonts.regular", "\"NoSuchFont.ttf\"", "fonts.regular: no TrueType font 'NoSuchFont.ttf' was found")]
    [InlineData("fonts.fallbacks[0]", "\"Comic Sans\"", "fonts.fallbacks[0]: no TrueType font 'Comic Sans'")]
    [InlineData("logo", "\"data:image/png;base64,bm90IGFuIGltYWdl\"", "logo: the logo must be a PNG or JPEG image.")]
    [InlineData("dateFormat", "\"%\"", "dateFormat: '%' is not a date format")]
    [InlineData("signature.label", "null", "signature.label: is required")]
    public void Broken_field_gives_an_error_naming_the_field(string field, string json, string message)
    {
        var template = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        Set(template, field, JsonNode.Parse(json));

        var error = Assert.Throws<TranscriptTemplateException>(
            () => TranscriptTemplateLoader.Parse(template.ToJsonString(), "broken", _folder.Path));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Unknown_field_is_named_so_a_typo_is_caught()
    {
        var template = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        template["colours"]!["accentt"] = "#000000";

        var error = Assert.Throws<TranscriptTemplateException>(
            () => TranscriptTemplateLoader.Parse(template.ToJsonString(), "typo", _folder.Path));

        Assert.Equal("colours.accentt", error.Field);
    }

    [Fact]
    public void Missing_section_field_is_named()
    {
        var template = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!.AsObject();
        template.Remove("labels");

        var error = Assert.Throws<TranscriptTemplateException>(
            () => TranscriptTemplateLoader.Parse(template.ToJsonString(), "partial", _folder.Path));

        Assert.Equal("labels", error.Field);
    }

    [SkippableFact]
    public void French_template_prints_french_labels()
    {
        var template = TranscriptTemplateLoader.Load(SampleTranscripts.TemplatePath("transcript.fr.json"));
        var pdf = _folder.Write("fr.pdf", new TranscriptPdfRenderer(template).Render(SampleTranscripts.Create(20)));

        var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;

        Assert.Contains("Relevé de compétences", text);
        Assert.Contains("En un coup d’œil", text);
        Assert.Contains("Niveau atteint", text);
        Assert.Contains("Légende des niveaux", text);
        Assert.Contains("Page 1 sur ", text);
        Assert.Contains("30/06/2026", text);
        Assert.DoesNotContain("Academic transcript", text);
    }

    [SkippableFact]
    public void Letter_template_gives_letter_pages()
    {
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["pageSize"] = "Letter";
        var template = TranscriptTemplateLoader.Parse(json.ToJsonString(), "letter", _folder.Path);

        var pdf = _folder.Write("letter.pdf", new TranscriptPdfRenderer(template).Render(SampleTranscripts.Create(30)));

        Assert.Contains("612 x 792 pts (letter)", DebianTool.Run("pdfinfo", "poppler-utils", pdf).Stdout);
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        if (path == "fonts.fallbacks[0]")
        {
            root["fonts"]!["fallbacks"] = new JsonArray(value);
            return;
        }
        var parts = path.Replace("]", "", StringComparison.Ordinal).Split('.', '[');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        }
        if (int.TryParse(parts[^1], out var last))
        {
            node[last] = value;
        }
        else if (node.AsObject().ContainsKey(parts[^1]) || value is not null)
        {
            node[parts[^1]] = value;
        }
    }
}
