using System.Text.Json.Nodes;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Api.Tests.Features.Transcripts;
using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Privacy;

/// <summary>The date of birth is printed only when the transcript template asks for it.</summary>
public sealed class DateOfBirthOnPdfTests : IDisposable
{
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void The_default_template_prints_no_date_of_birth_so_a_transcript_does_not_spread_it()
    {
        var text = PageText(SampleTranscripts.DefaultTemplate());

        Assert.Contains("Zoë Ødegård-Šimić", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2007-03-14", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Date of birth", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_template_that_asks_prints_the_date_of_birth()
    {
        var json = JsonNode.Parse(File.ReadAllText(SampleTranscripts.TemplatePath("transcript.default.json")))!;
        json["showDateOfBirth"] = true;
        var template = TranscriptTemplateLoader.Parse(json.ToJsonString(), "with-birth-date", Path.GetDirectoryName(SampleTranscripts.TemplatePath("transcript.default.json"))!);

        var text = PageText(template);

        Assert.Contains("Date of birth", text, StringComparison.Ordinal);
        Assert.Contains("2007-03-14", text, StringComparison.Ordinal);
    }

    private string PageText(TranscriptTemplate template)
    {
        var pdf = _folder.Write($"{Guid.NewGuid():N}.pdf", new TranscriptPdfRenderer(template).Render(SampleTranscripts.Create()));
        return DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;
    }
}
