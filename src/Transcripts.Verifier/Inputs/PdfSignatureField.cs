using System.Formats.Asn1;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Transcripts.Verifier.Inputs;

/// <summary>
/// A document signature as the PDF carries it (ISO 32000-1 §12.8): the /ByteRange of its signature dictionary and the
/// DER bytes of /Contents, taken from the file itself at the place the ByteRange leaves out (never from the parser's
/// view of the string), so what is checked is exactly what is in the file.
/// </summary>
public sealed record PdfSignatureField(string FieldName, string SubFilter, long[] ByteRange, byte[]? Cms, string? Problem)
{
    private static readonly System.Buffers.SearchValues<byte> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>Whether the ByteRange is [0, a, b, c] with b + c the file's length: every byte but the signature value is signed.</summary>
    public bool CoversWholeFile(long fileLength) =>
        ByteRange is [0, var a, var b, var c] && a > 0 && b > a && c >= 0 && b + c == fileLength;

    /// <summary>The signed bytes: the file without the hole the ByteRange leaves.</summary>
    public byte[] SignedBytes(byte[] file)
    {
        var (a, b, c) = ((int)ByteRange[1], (int)ByteRange[2], (int)ByteRange[3]);
        var signed = new byte[a + c];
        file.AsSpan(0, a).CopyTo(signed);
        file.AsSpan(b, c).CopyTo(signed.AsSpan(a));
        return signed;
    }

    /// <summary>Whether the file holds the token /ByteRange at all: a PDF that was signed once still shows it after a change hid the field.</summary>
    public static bool FileMentionsSignature(ReadOnlySpan<byte> file) => file.IndexOf("/ByteRange"u8) >= 0;

    /// <summary>Every signature field of the document's interactive form (/FT /Sig with a value).</summary>
    internal static List<PdfSignatureField> Read(PdfDocument document, byte[] file)
    {
        var found = new List<PdfSignatureField>();
        var fields = Resolve(document.Internals.Catalog.Elements["/AcroForm"]) is PdfDictionary form
            ? Resolve(form.Elements["/Fields"]) as PdfArray : null;
        foreach (var item in fields?.Elements.ToArray() ?? [])
        {
            if (Resolve(item) is not PdfDictionary field || (Resolve(field.Elements["/FT"]) as PdfName)?.Value != "/Sig"
                || Resolve(field.Elements["/V"]) is not PdfDictionary value)
            {
                continue;
            }
            var name = (Resolve(field.Elements["/T"]) as PdfString)?.Value ?? "(unnamed)";
            var subFilter = (Resolve(value.Elements["/SubFilter"]) as PdfName)?.Value ?? "";
            var range = (Resolve(value.Elements["/ByteRange"]) as PdfArray)?.Elements.Select(Resolve)
                .Select(e => e switch { PdfInteger i => i.Value, PdfLongInteger l => l.Value, _ => -1L }).ToArray() ?? [];
            var (cms, problem) = Contents(file, range);
            found.Add(new PdfSignatureField(name, subFilter, range, cms, problem));
        }
        return found;
    }

    // The hole must be exactly a hexadecimal string: nothing but the signature value can hide in the unsigned part.
    private static (byte[]? Cms, string? Problem) Contents(byte[] file, long[] range)
    {
        if (range is not [0, var a, var b, var c] || a <= 0 || b <= a + 1 || c < 0 || b + c > file.Length)
        {
            return (null, "its /ByteRange is not of the form [0 a b c] within the file");
        }
        if (file[a] != (byte)'<' || file[b - 1] != (byte)'>')
        {
            return (null, "the part its /ByteRange leaves unsigned is not the signature value");
        }
        var hex = file.AsSpan((int)a + 1, (int)(b - a - 2));
        if (hex.Length % 2 != 0 || hex.ContainsAnyExcept(s_hexDigits))
        {
            return (null, "the part its /ByteRange leaves unsigned holds more than a hexadecimal signature value");
        }
        var bytes = Convert.FromHexString(System.Text.Encoding.ASCII.GetString(hex));
        try
        {
            // The value is padded with zeros after the DER encoding of the CMS.
            AsnDecoder.ReadEncodedValue(bytes, AsnEncodingRules.BER, out _, out _, out var used);
            return (bytes[..used], null);
        }
        catch (AsnContentException)
        {
            return (null, "its /Contents is not a CMS signature");
        }
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;
}
