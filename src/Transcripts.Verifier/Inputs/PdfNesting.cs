namespace Transcripts.Verifier.Inputs;

/// <summary>
/// PDFsharp parses arrays and dictionaries recursively, so a file of 200,000 nested <c>[</c> overflows the stack and
/// kills the process (found by hand after the fuzz run; random mutations never build such nesting). This lexical scan
/// bounds the nesting of arrays and dictionaries before PDFsharp sees the file. It follows ISO 32000-1 §7.2–7.3 only as
/// far as needed: comments, literal and hexadecimal strings, and stream data (up to <c>endstream</c>) hold no structure.
/// Because a cross-reference table may point PDFsharp into what this scan took for stream data, a second, raw count
/// (every bracket byte, no skipping) bounds the nesting any parse position can see, and <see cref="PdfTranscript"/>
/// parses on a thread whose stack holds that many levels.
/// </summary>
internal static class PdfNesting
{
    /// <summary>Far deeper than any PDF writer nests (transcripts use fewer than 10 levels).</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// The most any substring can nest counting raw bytes. Compressed data is a random walk over bracket bytes: a 32 MB
    /// file drifts about ±1,000, so this never rejects a genuine file, and PDFsharp needs well under 256 MB of stack for it.
    /// </summary>
    public const int MaxRawDepth = 50_000;

    /// <exception cref="InputException">The file nests arrays or dictionaries more than <see cref="MaxDepth"/> deep.</exception>
    public static void Check(ReadOnlySpan<byte> pdf)
    {
        CheckRaw(pdf);
        CheckLexical(pdf);
    }

    // The maximum of (opens - closes) over all substrings is the range of the running count.
    private static void CheckRaw(ReadOnlySpan<byte> pdf)
    {
        int count = 0, low = 0;
        foreach (var b in pdf)
        {
            count += b switch { (byte)'[' or (byte)'<' => 1, (byte)']' or (byte)'>' => -1, _ => 0 };
            low = Math.Min(low, count);
            if (count - low > MaxRawDepth)
            {
                throw TooDeep();
            }
        }
    }

    private static void CheckLexical(ReadOnlySpan<byte> pdf)
    {
        var depth = 0;
        var i = 0;
        while (i < pdf.Length)
        {
            switch (pdf[i])
            {
                case (byte)'%':
                    i = SkipComment(pdf, i);
                    continue;
                case (byte)'(':
                    i = SkipLiteralString(pdf, i);
                    continue;
                case (byte)'<' when i + 1 < pdf.Length && pdf[i + 1] == (byte)'<':
                    depth++;
                    i += 2;
                    break;
                case (byte)'<':
                    i = SkipPast(pdf, i, (byte)'>');
                    continue;
                case (byte)'>' when i + 1 < pdf.Length && pdf[i + 1] == (byte)'>':
                    depth--;
                    i += 2;
                    continue;
                case (byte)'[':
                    depth++;
                    i++;
                    break;
                case (byte)']':
                    depth--;
                    i++;
                    continue;
                case (byte)'s' when IsStreamKeyword(pdf, i):
                    var end = pdf[i..].IndexOf("endstream"u8);
                    i = end < 0 ? i + 6 : i + end + 9;
                    continue;
                default:
                    i++;
                    continue;
            }
            if (depth > MaxDepth)
            {
                throw TooDeep();
            }
        }
    }

    private static InputException TooDeep() =>
        new($"The PDF nests its objects more than {MaxDepth} levels deep, which no transcript does; it was not read.");

    // ISO 32000-1 §7.2.3: a comment ends at CR or LF.
    private static int SkipComment(ReadOnlySpan<byte> pdf, int start)
    {
        var at = pdf[start..].IndexOfAny((byte)'\r', (byte)'\n');
        return at < 0 ? pdf.Length : start + at;
    }

    private static bool IsStreamKeyword(ReadOnlySpan<byte> pdf, int i) =>
        pdf[i..].StartsWith("stream"u8) && i + 6 < pdf.Length && pdf[i + 6] is (byte)'\r' or (byte)'\n'
        && (i == 0 || pdf[i - 1] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'>');

    private static int SkipPast(ReadOnlySpan<byte> pdf, int start, byte stop)
    {
        var at = pdf[(start + 1)..].IndexOf(stop);
        return at < 0 ? pdf.Length : start + 1 + at + 1;
    }

    // ISO 32000-1 §7.3.4.2: balanced parentheses nest inside a literal string; a backslash escapes the next byte.
    private static int SkipLiteralString(ReadOnlySpan<byte> pdf, int start)
    {
        var open = 0;
        for (var i = start; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    open++;
                    break;
                case (byte)')' when --open == 0:
                    return i + 1;
            }
        }
        return pdf.Length;
    }
}
