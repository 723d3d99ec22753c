using System.IO.Compression;

namespace Transcripts.Verifier.Inputs;

/// <summary>
/// PDFsharp and PdfPig inflate Flate streams (object streams, cross-reference streams, page contents, fonts) whole and
/// without a bound, so a few megabytes of deflate data that expand to gigabytes end the verifier with an out-of-memory
/// error. Before either library sees the file, this scan inflates every stream that starts with a zlib header (ISO
/// 32000-1 §7.3.8: stream data follows the <c>stream</c> keyword and its end of line) into a counter, never keeping the
/// output, and refuses the file once all of them together pass <see cref="MaxInflatedBytes"/>. Data that is not zlib is
/// left for the parsers to judge; where the scan finds no end of a stream it reads on only as far as the bound.
/// </summary>
internal static class PdfInflation
{
    /// <summary>
    /// What all of a file's compressed streams may expand to together: a transcript's fonts, pages and embedded credential
    /// inflate to a few megabytes; a credential attachment itself is bounded well below this.
    /// </summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The bound for a scanned PDF, whose page images may be Flate data that expands far more than a transcript's
    /// (a white colour page at 300 dpi is 26 MB as pixels); each image is bounded again before it is decoded.
    /// </summary>
    public const long MaxScanInflatedBytes = 1024L * 1024 * 1024;

    /// <exception cref="InputException">The file's streams expand beyond <paramref name="maxInflatedBytes"/> together.</exception>
    public static void Check(byte[] pdf, long maxInflatedBytes = MaxInflatedBytes)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var total = 0L;
        var buffer = new byte[81920];
        var span = pdf.AsSpan();
        for (var at = span.IndexOf("stream"u8); at >= 0; at = Next(span, at + 6))
        {
            if (at >= 3 && span[(at - 3)..at].SequenceEqual("end"u8))
            {
                continue;
            }
            var start = at + 6;
            start += start < span.Length && span[start] == '\r' ? 1 : 0;
            start += start < span.Length && span[start] == '\n' ? 1 : 0;
            if (start + 2 > span.Length || !IsZlibHeader(span[start], span[start + 1]))
            {
                continue;
            }
            total += Inflated(pdf, start, maxInflatedBytes - total, buffer);
            if (total > maxInflatedBytes)
            {
                throw new InputException(
                    $"The PDF's compressed streams expand to more than {maxInflatedBytes / (1024 * 1024)} MB, far beyond any transcript: it is refused unread.");
            }
        }
    }

    private static int Next(ReadOnlySpan<byte> pdf, int from) =>
        from >= pdf.Length ? -1 : pdf[from..].IndexOf("stream"u8) is var i and >= 0 ? from + i : -1;

    // RFC 1950 §2.2: compression method 8, window at most 32 KB, and the two header bytes a multiple of 31.
    private static bool IsZlibHeader(byte cmf, byte flg) => (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0 && (flg & 0x20) == 0;

    // How many bytes the zlib data at `start` inflates to, counting no further than one byte past `budget`.
    private static long Inflated(byte[] pdf, int start, long budget, byte[] buffer)
    {
        var count = 0L;
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(pdf, start, pdf.Length - start, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = inflate.Read(buffer)) > 0)
            {
                count += read;
                if (count > budget)
                {
                    break;
                }
            }
        }
        catch (InvalidDataException)
        {
            // Damaged or not deflate after all: what was inflated before the damage still counts; the parsers judge the rest.
        }
        return count;
    }
}
