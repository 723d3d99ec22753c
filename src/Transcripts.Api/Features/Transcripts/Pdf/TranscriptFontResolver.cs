using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// PDFsharp's process-wide font resolver: it serves TrueType files loaded by <see cref="FontFace"/>, each under a
/// family name of its own, so that no system font lookup ever happens. Names it does not know are passed to any
/// resolver that was installed before it.
/// </summary>
internal sealed class TranscriptFontResolver : IFontResolver
{
    private static readonly Lock s_lock = new();
    private static readonly ConcurrentDictionary<string, byte[]> s_fonts = new(StringComparer.Ordinal);
    private static TranscriptFontResolver? s_installed;

    private readonly IFontResolver? _previous;

    private TranscriptFontResolver(IFontResolver? previous) => _previous = previous;

    /// <summary>Makes <paramref name="bytes"/> available to PDFsharp as the family <paramref name="familyName"/>.</summary>
    public static void Register(string familyName, byte[] bytes)
    {
        Install();
        s_fonts.TryAdd(familyName, bytes);
    }

    private static void Install()
    {
        if (s_installed is not null)
        {
            return;
        }
        lock (s_lock)
        {
            if (s_installed is null)
            {
                var resolver = new TranscriptFontResolver(GlobalFontSettings.FontResolver);
                GlobalFontSettings.FontResolver = resolver;
                s_installed = resolver;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        s_fonts.ContainsKey(familyName) ? new FontResolverInfo(familyName)
            : _previous?.ResolveTypeface(familyName, isBold, isItalic);

    public byte[]? GetFont(string faceName) =>
        s_fonts.TryGetValue(faceName, out var bytes) ? bytes : _previous?.GetFont(faceName);
}
