using System.Globalization;
using System.Text;

namespace Transcripts.Verifier.Output;

/// <summary>
/// A text table written straight to a <see cref="StringBuilder"/>: columns sized to their widest cell, the last column
/// wrapped at spaces to fit the width, ASCII borders (or box drawing on a terminal). It replaces Spectre.Console's table
/// in the verify report because that one lays out every cell as measured segments: a folder of 1,000 files cost as much
/// to print as to verify (docs/benchmarks.md). Colour is applied per cell by the caller, outside the measured width.
/// </summary>
internal sealed class PlainTable(params string[] headers)
{
    private const int MinWidth = 8;
    private readonly List<(string Text, string? Colour)[]> _rows = [];

    public PlainTable Add(params string[] cells) => Add([.. cells.Select(c => (c, (string?)null))]);

    public PlainTable Add(params (string Text, string? Colour)[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row of this table has {headers.Length} cells.", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }

    public int Count => _rows.Count;

    /// <summary>Appends the table to <paramref name="output"/>, at most <paramref name="maxWidth"/> columns wide.</summary>
    public void WriteTo(StringBuilder output, int maxWidth, bool unicode)
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i].Text));
            }
        }
        // Borders and padding take 3 columns a cell plus 1. When the cells are wider than the room, narrow columns keep
        // their width and the wide ones share what is left equally (and wrap).
        var room = maxWidth - (3 * widths.Length) - 1;
        if (widths.Sum() > room)
        {
            var left = widths.Length;
            foreach (var i in Enumerable.Range(0, widths.Length).OrderBy(i => widths[i]).ToList())
            {
                widths[i] = Math.Max(Math.Min(widths[i], MinWidth), Math.Min(widths[i], room / left));
                room -= widths[i];
                left--;
            }
        }
        var b = unicode ? s_unicode : s_ascii;
        Rule(output, widths, b.Top);
        Line(output, widths, [.. headers.Select(h => (h, (string?)null))], b.Vertical);
        Rule(output, widths, b.Middle);
        foreach (var row in _rows)
        {
            Line(output, widths, row, b.Vertical);
        }
        Rule(output, widths, b.Bottom);
    }

    private static void Rule(StringBuilder output, int[] widths, (char Left, char Line, char Cross, char Right) edge)
    {
        output.Append(edge.Left);
        for (var i = 0; i < widths.Length; i++)
        {
            output.Append(edge.Line, widths[i] + 2).Append(i == widths.Length - 1 ? edge.Right : edge.Cross);
        }
        output.Append('\n');
    }

    private static void Line(StringBuilder output, int[] widths, (string Text, string? Colour)[] cells, char vertical)
    {
        var wrapped = new List<string>[cells.Length];
        var height = 1;
        for (var i = 0; i < cells.Length; i++)
        {
            wrapped[i] = Wrap(cells[i].Text, widths[i]);
            height = Math.Max(height, wrapped[i].Count);
        }
        for (var line = 0; line < height; line++)
        {
            output.Append(vertical);
            for (var i = 0; i < cells.Length; i++)
            {
                var text = line < wrapped[i].Count ? wrapped[i][line] : "";
                output.Append(' ');
                if (cells[i].Colour is { } colour && text.Length > 0)
                {
                    output.Append(colour).Append(text).Append(Ansi.Reset);
                }
                else
                {
                    output.Append(text);
                }
                output.Append(' ', widths[i] - Width(text) + 1).Append(vertical);
            }
            output.Append('\n');
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> columns, at spaces where it can.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var rest = paragraph.TrimEnd();
            while (Width(rest) > width)
            {
                var cut = Cut(rest, width);
                var space = rest.LastIndexOf(' ', Math.Max(0, cut - 1), Math.Max(0, cut - 1));
                var at = space > 0 ? space : cut;
                lines.Add(rest[..at].TrimEnd());
                rest = rest[at..].TrimStart();
            }
            lines.Add(rest);
        }
        return lines;
    }

    // The index in text where the given number of columns is used up (a wide character takes two).
    private static int Cut(string text, int columns)
    {
        var used = 0;
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var w = RuneWidth(rune);
            if (used + w > columns)
            {
                break;
            }
            used += w;
            i += rune.Utf16SequenceLength;
        }
        return Math.Max(i, 1);
    }

    /// <summary>The columns <paramref name="text"/> takes on a terminal: East Asian wide characters two, combining marks none.</summary>
    public static int Width(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.Length;
        }
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += RuneWidth(rune);
        }
        return width;
    }

    private static int RuneWidth(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }
        var v = rune.Value;
        return v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1FAFF
            or >= 0x20000 and <= 0x3FFFD ? 2 : 1;
    }

    private sealed record Borders((char, char, char, char) Top, (char, char, char, char) Middle, (char, char, char, char) Bottom, char Vertical);

    private static readonly Borders s_ascii = new(('+', '-', '-', '+'), ('|', '-', '+', '|'), ('+', '-', '-', '+'), '|');
    private static readonly Borders s_unicode = new(('╭', '─', '┬', '╮'), ('├', '─', '┼', '┤'), ('╰', '─', '┴', '╯'), '│');
}

/// <summary>The few ANSI escape sequences the report uses on a terminal.</summary>
internal static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string Green = "\u001b[32m";
    public const string Red = "\u001b[1;31m";
    public const string Yellow = "\u001b[33m";
    public const string Bold = "\u001b[1m";
}
