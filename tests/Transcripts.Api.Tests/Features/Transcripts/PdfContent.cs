using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>
/// What a reader and the verifier take from a PDF transcript, compared between two files: the embedded files (name and
/// bytes), the QR text in the document information, each page's images and words. Creation
/// times, object numbering and document signatures are not content and are not compared.
/// </summary>
internal static class PdfContent
{
    private const string QrMetadataKey = "TranscriptsQr";

    public static List<string> Differences(byte[] expected, byte[] actual)
    {
        using var a = PdfDocument.Open(expected);
        using var b = PdfDocument.Open(actual);
        var differences = new List<string>();

        var attachmentsA = Attachments(a);
        var attachmentsB = Attachments(b);
        if (!attachmentsA.Keys.Order(StringComparer.Ordinal).SequenceEqual(attachmentsB.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            differences.Add($"attachments {string.Join(", ", attachmentsA.Keys)} ≠ {string.Join(", ", attachmentsB.Keys)}");
        }
        foreach (var (name, bytes) in attachmentsA)
        {
            if (attachmentsB.TryGetValue(name, out var other) && !bytes.AsSpan().SequenceEqual(other))
            {
                differences.Add($"attachment {name}: other bytes");
            }
        }
        if (QrText(a) != QrText(b))
        {
            differences.Add($"QR text {QrText(a) ?? "(none)"} ≠ {QrText(b) ?? "(none)"}");
        }
        if (a.NumberOfPages != b.NumberOfPages)
        {
            differences.Add($"{a.NumberOfPages} pages ≠ {b.NumberOfPages}");
        }
        for (var number = 1; number <= Math.Min(a.NumberOfPages, b.NumberOfPages); number++)
        {
            var pageA = a.GetPage(number);
            var pageB = b.GetPage(number);
            var wordsA = pageA.GetWords().Select(w => w.Text).ToList();
            var wordsB = pageB.GetWords().Select(w => w.Text).ToList();
            if (!wordsA.SequenceEqual(wordsB, StringComparer.Ordinal))
            {
                var at = wordsA.Zip(wordsB).TakeWhile(p => p.First == p.Second).Count();
                differences.Add($"page {number} words differ from word {at + 1}: " +
                    $"\"{string.Join(' ', wordsA.Skip(at).Take(5))}\" ≠ \"{string.Join(' ', wordsB.Skip(at).Take(5))}\"");
            }
            var imagesA = pageA.GetImages().Select(i => i.RawBytes.ToArray()).ToList();
            var imagesB = pageB.GetImages().Select(i => i.RawBytes.ToArray()).ToList();
            if (imagesA.Count != imagesB.Count || imagesA.Zip(imagesB).Any(p => !p.First.AsSpan().SequenceEqual(p.Second)))
            {
                differences.Add($"page {number} images differ ({imagesA.Count} and {imagesB.Count})");
            }
        }
        return differences;
    }

    private static Dictionary<string, byte[]> Attachments(PdfDocument document) =>
        document.Advanced.TryGetEmbeddedFiles(out var files)
            ? files.ToDictionary(f => f.Name, f => f.Bytes.ToArray(), StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    private static string? QrText(PdfDocument document) =>
        document.Information.DocumentInformationDictionary?.Data.TryGetValue(QrMetadataKey, out var token) == true && token is StringToken text
            ? text.Data
            : null;
}
