using System.Text;
using Transcripts.Signing.Tokens;

namespace Transcripts.Verifier.Inputs;

/// <summary>The text of a transcript's QR code found in a scan, and where it was found, in words.</summary>
internal sealed record FoundQr(string Text, string Where);

/// <summary>
/// A paper transcript as an office receives it: a phone photo or scanner image (PNG, JPEG, WebP), or a scanner's PDF —
/// a PDF that carries no attached credential, only pictures of its pages. Finds the transcript's QR code in it.
/// </summary>
internal static class ScanInput
{
    private const int MaxShownText = 60;

    /// <summary>Whether a PDF is a scan rather than a transcript PDF: it attaches no files (decided by <see cref="ScannedPdf"/>).</summary>
    /// <remarks>A transcript PDF names its attachments in the catalog in plain text; only a PDF without the name is parsed here.</remarks>
    public static bool MayBeScannedPdf(ReadOnlySpan<byte> pdf) => pdf.IndexOf("/EmbeddedFiles"u8) < 0;

    /// <summary>Finds the Transcripts QR code in a scanned image.</summary>
    /// <exception cref="InputException">The image cannot be decoded, or holds no Transcripts QR code.</exception>
    public static FoundQr FindInImage(byte[] image)
    {
        var texts = QrReader.Read(ScanImage.Decode(image, "The image"), IsTranscriptQr);
        return texts.FirstOrDefault(IsTranscriptQr) is { } text ? new FoundQr(text, "from the QR code in the scanned image")
            : throw NotFound(texts, "No QR code was found in the image: photograph or scan the whole first page of the transcript, flat, in focus and at 300 dpi or more.");
    }

    /// <summary>Finds the Transcripts QR code in the page images of a scanner's PDF; null when the PDF attaches files (a transcript PDF).</summary>
    /// <exception cref="InputException">The PDF cannot be read, or none of its page images holds a Transcripts QR code.</exception>
    public static FoundQr? FindInPdf(byte[] pdf)
    {
        var others = new List<string>();
        var found = ScannedPdf.Search(pdf, (image, page) =>
        {
            var texts = QrReader.Read(image, IsTranscriptQr);
            if (texts.FirstOrDefault(IsTranscriptQr) is { } text)
            {
                return new FoundQr(text, $"from the QR code on page {page} of the scanned PDF");
            }
            others.AddRange(texts);
            return null;
        }, out var search);
        if (search.HasAttachments)
        {
            return null;
        }
        return found ?? throw NotFound(others, search.Images == 0
            ? "The PDF has no embedded credential and no page images, so it is neither a Transcripts PDF nor a scan of one: it was not issued by Transcripts, or its credential was removed."
            : $"The PDF has no embedded credential, and no QR code was found in its {Count(search.Images, "page image")}{search.Skipped}: "
              + "it was not issued by Transcripts, its credential was removed, or the scan does not show the transcript's QR code clearly (scan at 300 dpi or more).");
    }

    private static bool IsTranscriptQr(string text) => TranscriptQr.TryParse(text, out _);

    private static InputException NotFound(IReadOnlyList<string> others, string none) =>
        others.Count == 0 ? new InputException(none)
            : new InputException($"The scan holds a QR code, but not a Transcripts one (it reads \"{Shown(others[0])}\"), so there is no transcript to verify.");

    // QR text from the scan is untrusted: shown short and without control characters.
    private static string Shown(string text)
    {
        var clean = new StringBuilder(MaxShownText + 1);
        foreach (var c in text.EnumerateRunes().Take(MaxShownText))
        {
            clean.Append(Rune.IsControl(c) ? "?" : c.ToString());
        }
        return text.EnumerateRunes().Skip(MaxShownText).Any() ? clean.Append('…').ToString() : clean.ToString();
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n:N0} {what}s";
}
