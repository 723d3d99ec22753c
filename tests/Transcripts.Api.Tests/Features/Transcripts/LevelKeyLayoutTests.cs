using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

public sealed class LevelKeyLayoutTests
{
    [Fact]
    public void The_key_to_levels_is_never_split_so_that_one_row_stands_alone_on_the_next_page()
    {
        var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());
        var splits = new List<string>();
        // Lengths from one to three pages put the key at every height of a page, the foot included.
        for (var competencies = 1; competencies <= 24; competencies++)
        {
            var pdf = renderer.Render(SampleTranscripts.Create(competencies, statementWords: 16));
            using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
            var pageOf = SampleTranscripts.Scale.ToDictionary(l => l.Name, l => document.GetPages()
                .First(p => string.Concat(p.Text.Where(c => !char.IsWhiteSpace(c))).Contains($"{l.Name}(rank{l.Rank})", StringComparison.Ordinal)).Number);
            var lastPage = pageOf.Values.Max();
            var alone = pageOf.Count(p => p.Value == lastPage);
            if (pageOf.Values.Distinct().Count() > 1 && alone < 2)
            {
                splits.Add($"{competencies} competencies: {string.Join(", ", pageOf.Select(p => $"{p.Key} on page {p.Value}"))}");
            }
        }

        Assert.Empty(splits);
    }
}
