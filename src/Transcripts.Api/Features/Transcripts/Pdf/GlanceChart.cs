using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// "At a glance": per domain, one horizontal stacked bar of how many competencies were attained at each level,
/// lowest level on the left, bars scaled to the largest domain; counts printed in each segment and a legend below.
/// </summary>
internal static class GlanceChart
{
    private const double BarHeight = 15;
    private const double RowGap = 5;

    public static void Draw(RenderContext c)
    {
        c.ClearQrCode();
        var domains = c.Document.Domains;
        var labelWidth = Math.Min(170, c.Flow.Width * 0.32);
        var rowHeights = domains.Select(d => Math.Max(BarHeight, LabelLines(c, d, labelWidth).Count * RenderContext.Body.LineHeight)).ToList();
        c.SectionHeading(c.Labels.AtAGlance);
        c.Flow.Ensure(Math.Min(rowHeights.Sum() + (RowGap * domains.Count) + 40, c.Flow.Bottom - c.Flow.Top - 60));

        var counts = domains.Select(d => Counts(c, d)).ToList();
        var largest = Math.Max(1, domains.Count == 0 ? 1 : domains.Max(d => d.Competencies.Count));
        var barLeft = c.Flow.Left + labelWidth + 10;
        var totalWidth = c.Painter.Width(largest.ToString(System.Globalization.CultureInfo.InvariantCulture), RenderContext.BodyBold) + 8;
        var barSpace = c.Flow.Right - barLeft - totalWidth;

        for (var d = 0; d < domains.Count; d++)
        {
            c.Flow.Ensure(rowHeights[d] + RowGap);
            var g = c.G;
            var top = c.Flow.Y;
            c.Painter.DrawWrapped(g, LabelLines(c, domains[d], labelWidth), RenderContext.Body, c.Text, c.Flow.Left, top);
            var x = barLeft;
            var barTop = top + ((rowHeights[d] - BarHeight) / 2);
            for (var level = 0; level < counts[d].Length; level++)
            {
                if (counts[d][level] == 0)
                {
                    continue;
                }
                var width = barSpace * counts[d][level] / largest;
                LevelSwatch.Fill(c, g, level, new XRect(x, barTop, width, BarHeight));
                Count(c, g, counts[d][level], new XRect(x, barTop, width, BarHeight));
                x += width;
            }
            c.Painter.Draw(g, domains[d].Competencies.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RenderContext.BodyBold, c.Text, x + 5, barTop + ((BarHeight - RenderContext.BodyBold.LineHeight) / 2) + 1);
            c.Flow.Y += rowHeights[d] + RowGap;
        }
        Legend(c, barLeft);
    }

    /// <summary>Counts per level index, lowest rank first; a competency at a level outside the scale is not counted.</summary>
    public static int[] Counts(RenderContext c, TranscriptDomain domain)
    {
        var counts = new int[c.Levels.Count];
        foreach (var competency in domain.Competencies)
        {
            var index = c.LevelIndex(competency.Level.Rank);
            if (index >= 0)
            {
                counts[index]++;
            }
        }
        return counts;
    }

    private static IReadOnlyList<string> LabelLines(RenderContext c, TranscriptDomain d, double width) =>
        c.Painter.Wrap(d.Name, RenderContext.Body, width);

    private static void Count(RenderContext c, XGraphics g, int count, XRect segment)
    {
        var text = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var style = RenderContext.SmallBold;
        var width = c.Painter.Width(text, style) + 4;
        if (width > segment.Width - 2)
        {
            return;
        }
        var box = new XRect(segment.Left + ((segment.Width - width) / 2), segment.Top + ((segment.Height - style.LineHeight) / 2),
            width, style.LineHeight);
        g.DrawRectangle(XBrushes.White, box);
        c.Painter.Draw(g, text, style, XBrushes.Black, box.Left + 2, box.Top + 0.3);
    }

    private static void Legend(RenderContext c, double left)
    {
        var style = RenderContext.Small;
        c.Flow.Ensure(style.LineHeight * 3);
        var x = left;
        var y = c.Flow.Y;
        for (var i = 0; i < c.Levels.Count; i++)
        {
            var width = 14 + c.Painter.Width(c.Levels[i].Name, style) + 12;
            if (x + width > c.Flow.Right && x > left)
            {
                (x, y) = (left, y + style.LineHeight + 3);
            }
            LevelSwatch.Fill(c, c.G, i, new XRect(x, y + 1, 10, style.LineHeight - 2));
            c.Painter.Draw(c.G, c.Levels[i].Name, style, c.Text, x + 14, y);
            x += width;
        }
        y += style.LineHeight + 4;
        var total = c.Document.Domains.Sum(d => d.Competencies.Count);
        var caption = c.Labels.AtAGlanceCaption.Replace("{count}", total.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        y += c.Painter.DrawWrapped(c.G, c.Painter.Wrap(caption, style, c.Flow.Right - left), style, c.Muted, left, y);
        c.Flow.Y = y + 10;
    }
}
