using System.Text;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// The template's fonts: regular and bold faces, then fallbacks. Text is split into runs, each drawn with the first
/// face that has a glyph for it; <see cref="EnsureCoverage"/> refuses text that no face can draw.
/// </summary>
internal sealed class FontSet
{
    private readonly FontFace[] _regularChain;
    private readonly FontFace[] _boldChain;

    public FontSet(TemplateFonts fonts)
    {
        var fallbacks = fonts.Fallbacks.Select((path, i) => FontFace.Load(path, $"fonts.fallbacks[{i}]")).ToArray();
        _regularChain = [FontFace.Load(fonts.Regular, "fonts.regular"), .. fallbacks];
        _boldChain = [FontFace.Load(fonts.Bold, "fonts.bold"), .. fallbacks];
    }

    /// <exception cref="MissingGlyphsException">Some character has no glyph in any face.</exception>
    public void EnsureCoverage(IEnumerable<string> texts)
    {
        var missing = new List<int>();
        foreach (var text in texts)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                // Text may be set in either weight, so both chains must cover every character.
                if (IsDrawn(rune) && (IsRightToLeft(rune.Value) || Face(_regularChain, rune.Value) is null
                    || Face(_boldChain, rune.Value) is null) && !missing.Contains(rune.Value))
                {
                    missing.Add(rune.Value);
                }
            }
        }
        if (missing.Count > 0)
        {
            throw new MissingGlyphsException(missing, [.. _regularChain.Concat(_boldChain).Select(f => f.DisplayName).Distinct()]);
        }
    }

    /// <summary>Splits <paramref name="text"/> into runs that one face draws; a text the primary face covers is one run.</summary>
    public IEnumerable<(string Text, FontFace Face)> Runs(string text, bool bold)
    {
        var chain = bold ? _boldChain : _regularChain;
        if (chain.Length == 1)
        {
            yield return (text, chain[0]);
            yield break;
        }
        var start = 0;
        FontFace? current = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces and marks stay with the run before them, so a fallback run is not split at every space.
            var face = current is not null && (Rune.IsWhiteSpace(rune) || current.Covers(rune.Value))
                ? current
                : Face(chain, rune.Value) ?? chain[0];
            if (current is not null && face != current)
            {
                yield return (text[start..index], current);
                start = index;
            }
            current = face;
            index += rune.Utf16SequenceLength;
        }
        if (current is not null)
        {
            yield return (text[start..], current);
        }
    }

    private static FontFace? Face(FontFace[] chain, int codePoint)
    {
        foreach (var face in chain)
        {
            if (face.Covers(codePoint))
            {
                return face;
            }
        }
        return null;
    }

    /// <summary>
    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and the other right-to-left blocks. PDFsharp neither reorders nor
    /// shapes text, so an Arabic name would print with its letters unjoined and backwards even though DejaVu has
    /// the glyphs: such characters are refused like missing glyphs rather than printed wrongly.
    /// </summary>
    public static bool IsRightToLeft(int c) =>
        c is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x10800 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EFFF);

    private static bool IsDrawn(Rune rune) => !Rune.IsControl(rune) && rune.Value != 0x00AD;
}
