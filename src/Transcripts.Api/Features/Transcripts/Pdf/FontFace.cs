using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>One TrueType file: its cmap for coverage checks and the XFonts drawn with it (embedded as a Unicode subset).</summary>
internal sealed class FontFace
{
    private static readonly ConcurrentDictionary<string, FontFace> s_byPath = new(StringComparer.Ordinal);
    private static readonly XPdfFontOptions s_unicodeEmbedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private static int s_next;

    private readonly TrueTypeCmap _cmap;
    private readonly ConcurrentDictionary<double, XFont> _sizes = new();

    private FontFace(string path, string familyName, TrueTypeCmap cmap)
    {
        Path = path;
        FamilyName = familyName;
        _cmap = cmap;
    }

    public string Path { get; }

    /// <summary>The unique family name under which <see cref="TranscriptFontResolver"/> serves this file.</summary>
    public string FamilyName { get; }

    public string DisplayName => System.IO.Path.GetFileName(Path);

    public bool Covers(int codePoint) => _cmap.Covers(codePoint);

    public XFont At(double size) => _sizes.GetOrAdd(size, s => new XFont(FamilyName, s, XFontStyleEx.Regular, s_unicodeEmbedded));

    /// <summary>The face for <paramref name="path"/>, loaded once per process.</summary>
    /// <exception cref="TranscriptTemplateException">The file is not a usable TrueType font.</exception>
    public static FontFace Load(string path, string field) => s_byPath.GetOrAdd(path, p =>
    {
        byte[] bytes;
        TrueTypeCmap cmap;
        try
        {
            bytes = File.ReadAllBytes(p);
            cmap = TrueTypeCmap.Read(bytes);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new TranscriptTemplateException(field, $"'{p}' is not a usable TrueType font ({e.Message})");
        }
        // The family name becomes the PDF's /BaseFont, so it keeps the file's name (DejaVuSans) for people reading pdffonts.
        var name = System.IO.Path.GetFileNameWithoutExtension(p);
        var family = s_byPath.Values.Any(f => f.FamilyName == name) ? $"{name}-{Interlocked.Increment(ref s_next)}" : name;
        TranscriptFontResolver.Register(family, bytes);
        return new FontFace(p, family, cmap);
    });
}
