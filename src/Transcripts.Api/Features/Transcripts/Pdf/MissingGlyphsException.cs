namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Text that no configured font can draw. Rendering stops before anything is drawn, so a transcript never
/// prints boxes in place of a learner's name.
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
        return $"No configured font ({string.Join(", ", fonts)}) has glyphs for {listed}. "
             + "Add a fallback font that covers them to the template's fonts.fallbacks.";
    }
}
