namespace Transcripts.Signing.Canonical.Rdf;

/// <summary>
/// Orders strings by Unicode code point, as RDFC-1.0 requires for sorting hashes and N-Quads lines.
/// Ordinal UTF-16 comparison differs from code point order only when a surrogate (a code point above U+FFFF)
/// meets a character in U+E000–U+FFFF; remapping the code units fixes that case.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        return Compare(x.AsSpan(), y.AsSpan());
    }

    /// <summary>Compares <paramref name="x"/> and <paramref name="y"/> by code point.</summary>
    public static int Compare(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var common = x.CommonPrefixLength(y);
        return common < x.Length && common < y.Length
            ? Remap(x[common]).CompareTo(Remap(y[common]))
            : x.Length.CompareTo(y.Length);
    }

    // Surrogates D800–DFFF move above everything else in the BMP; E000–FFFF move down to make room.
    private static int Remap(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
