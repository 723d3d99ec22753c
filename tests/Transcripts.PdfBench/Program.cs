using System.Diagnostics;
using System.Globalization;
using PdfSharp.Pdf.IO;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Api.Tests.Features.Transcripts;

// Renders printable transcripts on one core and prints the figures for docs/benchmarks.md.
// Usage: dotnet run -c Release --project tests/Transcripts.PdfBench [-- seconds]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;   // one core
}

var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());
var onePage = SampleTranscripts.Create(6, statementWords: 10);
var threePages = SampleTranscripts.Create(26, statementWords: 22, domains: 5);
var twoPages = SampleTranscripts.Create(16, statementWords: 18, credentialBytes: 30 * 1024);

Console.WriteLine($"Printable transcripts — {Environment.ProcessorCount} logical CPUs visible, pinned to 1; .NET {Environment.Version}");
Report("one page", onePage, seconds);
Report("three pages", threePages, seconds);

var two = renderer.Render(twoPages);
Console.WriteLine($"two pages + {twoPages.Credential.Content.Length / 1024} KB credential: {Pages(two)} pages, "
    + $"{two.Length / 1024.0:F1} KB (target ≤ 150 KB)");
return 0;

void Report(string name, TranscriptDocument document, double duration)
{
    var pdf = renderer.Render(document);   // warm-up: fonts, JIT
    for (var i = 0; i < 20; i++)
    {
        renderer.Render(document);
    }
    var watch = Stopwatch.StartNew();
    var count = 0;
    while (watch.Elapsed.TotalSeconds < duration)
    {
        renderer.Render(document);
        count++;
    }
    var perSecond = count / watch.Elapsed.TotalSeconds;
    Console.WriteLine($"{name}: {Pages(pdf)} pages, {pdf.Length / 1024.0:F1} KB, {perSecond:F0} per second "
        + $"({watch.Elapsed.TotalMilliseconds / count:F2} ms each, {count} renders)");
}

static int Pages(byte[] pdf)
{
    using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
    return document.PageCount;
}
