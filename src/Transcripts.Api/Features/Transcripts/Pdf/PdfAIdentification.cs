using System.Text;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// PDFsharp 6.5's <c>SetPdfA()</c> writes a tagged PDF/A-1a file, but PDF/A-1 forbids file attachments; PDF/A-3
/// (ISO 19005-3) allows them as associated files, which <see cref="EmbeddedFileMetadata"/> declares. This rewrites the
/// XMP identification from part 1 to part 3 in place: the byte count is unchanged, so the cross-reference table
/// stays valid. The output is "PDF/A-3 style": it has not been through a conformance validator such as veraPDF.
/// </summary>
internal static class PdfAIdentification
{
    private static readonly byte[] s_part1 = Encoding.ASCII.GetBytes("<pdfaid:part>1</pdfaid:part>");
    private static readonly byte[] s_part3 = Encoding.ASCII.GetBytes("<pdfaid:part>3</pdfaid:part>");

    /// <returns>Whether the identification was found (once) and changed.</returns>
    public static bool DeclarePart3(Span<byte> pdf)
    {
        var at = pdf.IndexOf(s_part1);
        if (at < 0 || pdf[(at + s_part1.Length)..].IndexOf(s_part1) >= 0)
        {
            return false;
        }
        s_part3.CopyTo(pdf[at..]);
        return true;
    }
}
