using System.Diagnostics;
using System.Globalization;
using PdfSharp.Pdf.IO;
using Transcripts.Api.Features.Transcripts.Pdf;
using Transcripts.Api.Tests.Features.Transcripts;

// Renders printable transcripts on one core and prints the figures for docs/benchmarks.md.
// Usage: dotnet run -c Release --project bench/Transcripts.PdfBench [-- seconds [folder to write the sample PDFs]]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var samples = args.Length > 1 ? args[1] : null;
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;   // one core
}

var renderer = new TranscriptPdfRenderer(SampleTranscripts.DefaultTemplate());
var onePage = SampleTranscripts.Create(3, statementWords: 8, domains: 1);
var threePages = SampleTranscripts.Create(14, statementWords: 16, domains: 4);
var twoPages = SampleTranscripts.Create(9, statementWords: 14, credentialBytes: 30 * 1024, domains: 3);

Console.WriteLine($"Printable transcripts — {Environment.ProcessorCount} logical CPUs visible, pinned to 1; .NET {Environment.Version}");
// Warm-up on both documents, long enough for tiered compilation to settle: the first seconds of a
// process otherwise include JIT work that is counted as CPU time on the one core.
for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < 6;)
{
    renderer.Render(onePage);
    renderer.Render(threePages);
}
using (var warmSigner = new DocumentSigner(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256),
           "warm-up", "did:web:example.org", DateTimeOffset.UnixEpoch))
{
    for (var i = 0; i < 50; i++)
    {
        renderer.Render(onePage, warmSigner);
    }
}
using var signer = new DocumentSigner(Transcripts.Api.Features.SigningKeys.DocumentSigningKey.Derive(new byte[32], Guid.Empty),
    "Riverside Community College", "did:web:riverside.example.edu", DateTimeOffset.UnixEpoch);
Report("one page", onePage, seconds);
Report("one page, signed", onePage, seconds, signer);
Report("three pages", threePages, seconds);
Report("three pages, signed", threePages, seconds, signer);

var two = renderer.Render(twoPages);
if (samples is not null)
{
    Directory.CreateDirectory(samples);
    File.WriteAllBytes(Path.Combine(samples, "one-page.pdf"), renderer.Render(onePage));
    File.WriteAllBytes(Path.Combine(samples, "three-pages.pdf"), renderer.Render(threePages));
    File.WriteAllBytes(Path.Combine(samples, "two-pages-30k-credential.pdf"), two);
}
Console.WriteLine($"two pages + {twoPages.Credential.Content.Length / 1024} KB credential: {Pages(two)} pages, "
    + $"{two.Length / 1024.0:F1} KB (target ≤ 150 KB)");
return 0;

void Report(string name, TranscriptDocument document, double duration, DocumentSigner? sign = null)
{
    var pdf = renderer.Render(document, sign);
    // CPU time as well as wall time: on a shared machine the wall clock also counts time spent waiting for the core.
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var count = 0;
    while (watch.Elapsed.TotalSeconds < duration)
    {
        renderer.Render(document, sign);
        count++;
    }
    watch.Stop();
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine($"{name}: {Pages(pdf)} pages, {pdf.Length / 1024.0:F1} KB — {count / watch.Elapsed.TotalSeconds:F0} per second wall, "
        + $"{count / cpu:F0} per CPU-second ({1000 * cpu / count:F2} ms CPU each, {count} renders)");
}

static int Pages(byte[] pdf)
{
    using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
    return document.PageCount;
}
