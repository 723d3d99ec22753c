using Transcripts.Tests;
using System.Text.RegularExpressions;
using Transcripts.Api.Features.Transcripts.Pdf;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>A learner with 150 competencies and long statements: the table flows over pages and loses nothing.</summary>
public sealed class LongTranscriptTests : IDisposable
{
    private const int Competencies = 150;
    private const int StatementWords = 36;
    private readonly PdfTool.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public void Long_transcript_flows_over_pages_with_every_competency_once_and_nothing_cut_off()
    {
        var document = SampleTranscripts.Create(Competencies, statementWords: StatementWords, domains: 5);
        var pdf = _folder.Write("long.pdf", new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate()).Render(document));
        var pages = int.Parse(Regex.Match(DebianTool.Run("pdfinfo", "poppler-utils", pdf).Stdout, @"Pages:\s+(\d+)").Groups[1].Value);
        Assert.True(pages > 3, $"expected more than 3 pages, got {pages}");

        var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;
        var words = new HashSet<string>(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        foreach (var competency in document.Domains.SelectMany(d => d.Competencies))
        {
            var occurrences = Regex.Count(text, $@"(?<![\w-]){Regex.Escape(competency.Code)}(?![\w-])");
            Assert.True(occurrences == 1, $"{competency.Code} appears {occurrences} times");
            // Each statement carries one word unique to it ("argument-k17"): it must survive wrapping and paging.
            var unique = competency.Statement.Split(' ').Single(w => w.Contains("-k", StringComparison.Ordinal));
            Assert.Contains(unique, words);
            Assert.Contains(competency.EvidenceReference!, text);
        }
        Assert.Contains($"Page {pages} of {pages}", text);
    }

    [SkippableFact]
    public void Table_header_is_repeated_on_every_page_of_the_table()
    {
        var document = SampleTranscripts.Create(Competencies, statementWords: StatementWords, domains: 5);
        var pdf = _folder.Write("long.pdf", new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate()).Render(document));
        var pages = int.Parse(Regex.Match(DebianTool.Run("pdfinfo", "poppler-utils", pdf).Stdout, @"Pages:\s+(\d+)").Groups[1].Value);

        var tablePages = 0;
        for (var page = 1; page <= pages; page++)
        {
            var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", "-f", $"{page}", "-l", $"{page}", pdf, "-").Stdout;
            if (Regex.IsMatch(text, @"C\d{3}-[A-Z]"))
            {
                tablePages++;
                Assert.Contains("Level achieved", text);
                Assert.Contains("Evidence", text);
            }
        }
        Assert.True(tablePages > 3, $"expected the table on more than 3 pages, got {tablePages}");
    }

    [SkippableFact]
    public void A_word_longer_than_its_column_is_broken_not_cut()
    {
        var word = string.Concat(Enumerable.Repeat("Pneumonoultramicroscopic", 6));
        var sample = SampleTranscripts.Create(3);
        var first = sample.Domains[0].Competencies[0] with { Statement = $"Explains {word} clearly." };
        var document = sample with { Domains = [sample.Domains[0] with { Competencies = [first] }] };
        var pdf = _folder.Write("word.pdf", new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate()).Render(document));

        var text = DebianTool.Run("pdftotext", "poppler-utils", "-enc", "UTF-8", pdf, "-").Stdout;

        Assert.Contains(word, Regex.Replace(text, @"\s+", ""));
    }
}
