using System.Buffers.Binary;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// The set of Unicode code points a TrueType/OpenType font maps to a real glyph, read from its <c>cmap</c> table
/// (OpenType spec, "cmap — Character to Glyph Index Mapping Table": formats 4 and 12 of the Unicode subtables).
/// Used to pick a fallback font, or to refuse to render, before a character would print as a box.
/// </summary>
internal sealed class TrueTypeCmap
{
    private readonly HashSet<int> _codePoints;

    private TrueTypeCmap(HashSet<int> codePoints) => _codePoints = codePoints;

    public int Count => _codePoints.Count;

    public bool Covers(int codePoint) => _codePoints.Contains(codePoint);

    /// <exception cref="InvalidDataException">The bytes are not a font with a Unicode cmap.</exception>
    public static TrueTypeCmap Read(ReadOnlySpan<byte> font)
    {
        var cmap = FindTable(font, "cmap"u8);
        int count = U16(cmap, 2);
        int best = -1, bestScore = 0;
        for (var i = 0; i < count; i++)
        {
            var record = 4 + (8 * i);
            int platform = U16(cmap, record), encoding = U16(cmap, record + 2);
            var offset = (int)U32(cmap, record + 4);
            int format = U16(cmap, offset);
            var score = (platform, encoding, format) switch
            {
                (3, 10, 12) or (0, 4, 12) or (0, 6, 12) => 3,
                (3, 1, 4) or (0, 3, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (score > bestScore)
            {
                (best, bestScore) = (offset, score);
            }
        }
        if (best < 0)
        {
            throw new InvalidDataException("The font has no Unicode cmap subtable of format 4 or 12.");
        }
        var sub = cmap[best..];
        return new TrueTypeCmap(U16(sub, 0) == 12 ? Format12(sub) : Format4(sub));
    }

    private static HashSet<int> Format4(ReadOnlySpan<byte> t)
    {
        var segments = U16(t, 6) / 2;
        int ends = 14, starts = ends + (2 * segments) + 2, deltas = starts + (2 * segments), ranges = deltas + (2 * segments);
        var set = new HashSet<int>();
        for (var s = 0; s < segments; s++)
        {
            int end = U16(t, ends + (2 * s)), start = U16(t, starts + (2 * s));
            int delta = U16(t, deltas + (2 * s)), rangeOffset = U16(t, ranges + (2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = ranges + (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = at + 1 < t.Length ? U16(t, at) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }
                if (glyph != 0)
                {
                    set.Add(c);
                }
            }
        }
        return set;
    }

    private static HashSet<int> Format12(ReadOnlySpan<byte> t)
    {
        var groups = (int)U32(t, 12);
        var set = new HashSet<int>();
        for (var g = 0; g < groups; g++)
        {
            var at = 16 + (12 * g);
            long start = U32(t, at), end = Math.Min(U32(t, at + 4), 0x10FFFF), glyph = U32(t, at + 8);
            for (var c = start; c <= end; c++)
            {
                if (glyph + (c - start) != 0)
                {
                    set.Add((int)c);
                }
            }
        }
        return set;
    }

    private static ReadOnlySpan<byte> FindTable(ReadOnlySpan<byte> font, ReadOnlySpan<byte> tag)
    {
        int tables = U16(font, 4);
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            if (font.Slice(record, 4).SequenceEqual(tag))
            {
                return font.Slice((int)U32(font, record + 8), (int)U32(font, record + 12));
            }
        }
        throw new InvalidDataException("The font has no cmap table.");
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
