using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Compresses page content streams with .NET's zlib. PDFsharp 6.5's own content-stream compression leaves the
/// deflate data unterminated (qpdf --check warns "input stream is complete but output may still be valid" on every
/// page), so the renderer turns it off (<see cref="PdfDocumentOptions.CompressContentStreams"/>) and calls this
/// before saving; the attachment is compressed the same way. The embedded font subsets are created inside
/// PdfDocument.Save, out of reach: their streams still lack the final deflate block, which readers accept and
/// qpdf --check does not report.
/// </summary>
internal static class ContentStreams
{
    /// <summary>zlib (RFC 1950) data, as /FlateDecode expects, properly terminated.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> bytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bytes);
        }
        return compressed.ToArray();
    }

    public static void Compress(PdfDocument pdf)
    {
        foreach (var page in pdf.Pages)
        {
            foreach (var item in page.Contents.Elements)
            {
                if (item is not PdfReference { Value: PdfDictionary content } || content.Stream is null
                    || content.Elements.ContainsKey("/Filter"))
                {
                    continue;
                }
                content.Stream.Value = Deflate(content.Stream.Value);
                content.Elements.SetName("/Filter", "/FlateDecode");
            }
        }
    }
}
