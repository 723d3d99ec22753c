namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Text that no configured font can draw, or in a right-to-left script the renderer cannot lay out. Rendering stops
/// before anything is drawn, so a transcript never prints boxes (or backwards letters) in place of a learner's name.
/// </summary>
public sealed class MissingGlyphsException : Exception
{
    public MissingGlyphsException(IReadOnlyList<int> codePoints, IReadOnlyList<string> fonts)
        : base(Describe(codePoints, fonts))
    {
        CodePoints = codePoints;
        MissingCharacters = string.Concat(codePoints.Select(char.ConvertFromUtf32));
    }

    public MissingGlyphsException() : this([], [])
    {
    }

    public MissingGlyphsException(string message, Exception innerException) : base(message, innerException)
    {
        CodePoints = [];
        MissingCharacters = "";
    }

    /// <summary>The distinct code points without a glyph, in order of first appearance.</summary>
    public IReadOnlyList<int> CodePoints { get; }

    /// <summary>The same characters as a string, e.g. <c>山田太郎</c>.</summary>
    public string MissingCharacters { get; }

    private static string Describe(IReadOnlyList<int> codePoints, IReadOnlyList<string> fonts)
    {
        var listed = string.Join(", ", codePoints.Select(c => $"'{char.ConvertFromUtf32(c)}' (U+{c:X4})"));
        return $"The transcript cannot print {listed}: no configured font ({string.Join(", ", fonts)}) has glyphs for them, "
             + "or they belong to a right-to-left script, which the PDF renderer does not lay out. "
             + "Add a fallback font that covers them to the template's fonts.fallbacks, or record the name in a supported script.";
    }
}
