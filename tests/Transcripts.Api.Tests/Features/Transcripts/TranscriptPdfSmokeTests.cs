using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

public sealed class TranscriptPdfSmokeTests
{
    [Fact]
    public void Render_writes_a_pdf()
    {
        var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());
        var pdf = renderer.Render(SampleTranscripts.Create(14));
        File.WriteAllBytes("/tmp/wtpdf-sample.pdf", pdf);
        File.WriteAllBytes("/tmp/wtpdf-long.pdf", renderer.Render(SampleTranscripts.Create(150, statementWords: 40)));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }
}
