using System.Globalization;
using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

internal readonly record struct TextStyle(double Size, bool Bold)
{
    public double LineHeight => Size * 1.3;
}

/// <summary>
/// Measures, wraps and draws text with a <see cref="FontSet"/>: word wrapping done here, long words broken.
/// One painter serves one renderer; widths of short strings (words, labels) are cached across renders.
/// </summary>
internal sealed class TextPainter(FontSet fonts)
{
    private const int MaxCachedWidths = 100_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, TextStyle), double> _widths = new();

    [ThreadStatic]
    private static XGraphics? s_measure;

    private static XGraphics Measure =>
        s_measure ??= XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);

    public double Width(string text, TextStyle style)
    {
        if (_widths.TryGetValue((text, style), out var cached))
        {
            return cached;
        }
        double width = 0;
        foreach (var (run, face) in fonts.Runs(text, style.Bold))
        {
            width += Measure.MeasureString(run, face.At(style.Size)).Width;
        }
        if (text.Length <= 40 && _widths.Count < MaxCachedWidths)
        {
            _widths.TryAdd((text, style), width);
        }
        return width;
    }

    /// <summary>Draws one line with its top at <paramref name="top"/>; returns the width drawn.</summary>
    public double Draw(XGraphics g, string text, TextStyle style, XBrush brush, double x, double top)
    {
        var baseline = top + (style.Size * 0.95);
        var start = x;
        foreach (var (run, face) in fonts.Runs(text, style.Bold))
        {
            g.DrawString(run, face.At(style.Size), brush, x, baseline, XStringFormats.BaseLineLeft);
            x += Width(run, style);
        }
        return x - start;
    }

    public void DrawRight(XGraphics g, string text, TextStyle style, XBrush brush, double right, double top) =>
        Draw(g, text, style, brush, right - Width(text, style), top);

    /// <summary>Draws wrapped lines; returns the height used.</summary>
    public double DrawWrapped(XGraphics g, IReadOnlyList<string> lines, TextStyle style, XBrush brush, double x, double top)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            Draw(g, lines[i], style, brush, x, top + (i * style.LineHeight));
        }
        return lines.Count * style.LineHeight;
    }

    /// <summary>Greedy word wrap to <paramref name="width"/>; a word wider than a line is broken between characters.</summary>
    public IReadOnlyList<string> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<string>();
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var space = Width(" ", style);
        var line = "";
        double lineWidth = 0;
        foreach (var word in words)
        {
            var wordWidth = Width(word, style);
            if (line.Length > 0 && lineWidth + space + wordWidth <= width)
            {
                line += " " + word;
                lineWidth += space + wordWidth;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            if (wordWidth <= width)
            {
                (line, lineWidth) = (word, wordWidth);
                continue;
            }
            var pieces = BreakWord(word, style, width);
            lines.AddRange(pieces.SkipLast(1));
            line = pieces[^1];
            lineWidth = Width(line, style);
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    private List<string> BreakWord(string word, TextStyle style, double width)
    {
        var pieces = new List<string>();
        var piece = "";
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (piece.Length > 0 && Width(piece + element, style) > width)
            {
                pieces.Add(piece);
                piece = "";
            }
            piece += element;
        }
        pieces.Add(piece);
        return pieces;
    }
}
