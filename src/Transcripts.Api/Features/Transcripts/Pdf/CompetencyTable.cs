using System.Globalization;
using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// Competencies grouped by domain: code, statement, level, date and evidence. Cells are wrapped to their column;
/// a row that does not fit moves to the next page, where the column header (and the domain name, "continued")
/// is repeated; a row taller than a whole page is split between lines, so nothing is ever cut off.
/// </summary>
internal static class CompetencyTable
{
    private const double Pad = 3.5;
    private static readonly double[] s_fractions = [0.10, 0.45, 0.15, 0.13, 0.17];

    public static void Draw(RenderContext c)
    {
        c.ClearQrCode();
        c.SectionHeading(c.Labels.Competencies);
        var columns = Columns(c);
        string? domainOnPage = null;
        c.Flow.PageStarted = () =>
        {
            Header(c, columns);
            if (domainOnPage is not null)
            {
                DomainRow(c, $"{domainOnPage} {c.Labels.Continued}");
            }
        };
        c.Flow.Ensure(60);
        Header(c, columns);
        foreach (var domain in c.Document.Domains)
        {
            domainOnPage = null;
            c.Flow.Ensure((RenderContext.BodyBold.LineHeight * 2) + 30);
            DomainRow(c, domain.Name);
            domainOnPage = domain.Name;
            var shade = false;
            foreach (var competency in domain.Competencies)
            {
                Row(c, columns, competency, shade);
                shade = !shade;
            }
            Summary(c, domain);
        }
        c.Flow.PageStarted = null;
        c.Flow.Y += 10;
    }

    private static (double X, double Width)[] Columns(RenderContext c)
    {
        var x = c.Flow.Left;
        return [.. s_fractions.Select(f => { var col = (x, c.Flow.Width * f); x += c.Flow.Width * f; return col; })];
    }

    private static void Header(RenderContext c, (double X, double Width)[] columns)
    {
        string[] titles = [c.Labels.Code, c.Labels.Statement, c.Labels.Level, c.Labels.DateAttained, c.Labels.Evidence];
        var style = RenderContext.SmallBold;
        var lines = titles.Select((t, i) => c.Painter.Wrap(t, style, columns[i].Width - (2 * Pad))).ToArray();
        var height = (lines.Max(l => l.Count) * style.LineHeight) + (2 * Pad);
        c.G.DrawRectangle(c.HeaderFill, c.Flow.Left, c.Flow.Y, c.Flow.Width, height);
        for (var i = 0; i < titles.Length; i++)
        {
            c.Painter.DrawWrapped(c.G, lines[i], style, c.Text, columns[i].X + Pad, c.Flow.Y + Pad);
        }
        c.Flow.Y += height;
        c.G.DrawLine(c.Rule, c.Flow.Left, c.Flow.Y, c.Flow.Right, c.Flow.Y);
    }

    private static void DomainRow(RenderContext c, string title)
    {
        var style = RenderContext.BodyBold;
        var lines = c.Painter.Wrap(title, style, c.Flow.Width - (2 * Pad));
        c.Flow.Y += 4;
        c.Flow.Y += c.Painter.DrawWrapped(c.G, lines, style, c.Accent, c.Flow.Left + Pad, c.Flow.Y + Pad) + Pad;
    }

    private static void Row(RenderContext c, (double X, double Width)[] columns, TranscriptCompetency competency, bool shade)
    {
        var body = RenderContext.Body;
        var small = RenderContext.Small;
        var level = c.LevelIndex(competency.Level.Rank);
        var cells = new List<(IReadOnlyList<string> Lines, TextStyle Style, XBrush Brush, double Indent)>[]
        {
            [(Wrap(c, competency.Code, RenderContext.SmallBold, columns[0].Width), RenderContext.SmallBold, c.Text, 0)],
            [(Wrap(c, competency.Statement, body, columns[1].Width), body, c.Text, 0)],
            [(Wrap(c, competency.Level.Name, body, columns[2].Width - 11), body, c.Text, 11)],
            [(Wrap(c, c.Date(competency.DateAttained), body, columns[3].Width), body, c.Text, 0)],
            Evidence(c, competency, columns[4].Width),
        };
        // Each cell flattened to (line, style, brush, indent, offset from the row top).
        var flat = cells.Select(cell => Flatten(cell)).ToArray();
        var height = flat.Max(f => f.Count == 0 ? 0 : f[^1].Offset + f[^1].Style.LineHeight) + (2 * Pad);
        var firstLine = flat.Max(f => f.Count == 0 ? 0 : f[0].Style.LineHeight) + (2 * Pad);
        c.Flow.Ensure(Math.Min(height, Math.Max(firstLine, c.Flow.Bottom - c.Flow.Top - 80)));

        var drawn = 0.0;
        var first = true;
        while (true)
        {
            var top = c.Flow.Y;
            var room = c.Flow.Bottom - top - (2 * Pad);
            var slice = height - (2 * Pad) - drawn;
            var take = Math.Min(slice, room);
            var sliceHeight = 0.0;
            for (var i = 0; i < flat.Length; i++)
            {
                foreach (var line in flat[i].Where(l => l.Offset >= drawn - 0.01 && l.Offset + l.Style.LineHeight <= drawn + take + 0.01))
                {
                    sliceHeight = Math.Max(sliceHeight, line.Offset - drawn + line.Style.LineHeight);
                }
            }
            if (shade)
            {
                c.G.DrawRectangle(new XSolidBrush(XColor.FromArgb(255, 250, 250, 251)), c.Flow.Left, top, c.Flow.Width, sliceHeight + (2 * Pad));
            }
            for (var i = 0; i < flat.Length; i++)
            {
                foreach (var line in flat[i].Where(l => l.Offset >= drawn - 0.01 && l.Offset - drawn + l.Style.LineHeight <= sliceHeight + 0.01))
                {
                    c.Painter.Draw(c.G, line.Text, line.Style, line.Brush, columns[i].X + Pad + line.Indent, top + Pad + line.Offset - drawn);
                }
            }
            if (first && level >= 0)
            {
                LevelSwatch.Fill(c, c.G, level, new XRect(columns[2].X + Pad, top + Pad + 1.5, 8, 8));
            }
            c.Flow.Y = top + sliceHeight + (2 * Pad);
            c.G.DrawLine(c.Rule, c.Flow.Left, c.Flow.Y, c.Flow.Right, c.Flow.Y);
            drawn += sliceHeight;
            first = false;
            if (drawn >= height - (2 * Pad) - 0.01)
            {
                return;
            }
            c.Flow.Ensure(double.MaxValue / 4);
        }
    }

    private static List<(IReadOnlyList<string>, TextStyle, XBrush, double)> Evidence(RenderContext c, TranscriptCompetency competency, double width)
    {
        var cell = new List<(IReadOnlyList<string>, TextStyle, XBrush, double)>();
        if (!string.IsNullOrWhiteSpace(competency.EvidenceReference))
        {
            cell.Add((Wrap(c, competency.EvidenceReference, RenderContext.Small, width), RenderContext.Small, c.Text, 0));
        }
        if (c.Template.ShowEvidenceTitles && !string.IsNullOrWhiteSpace(competency.EvidenceTitle))
        {
            cell.Add((Wrap(c, competency.EvidenceTitle, RenderContext.Small, width), RenderContext.Small, c.Muted, 0));
        }
        return cell;
    }

    private static List<(string Text, TextStyle Style, XBrush Brush, double Indent, double Offset)> Flatten(
        List<(IReadOnlyList<string> Lines, TextStyle Style, XBrush Brush, double Indent)> cell)
    {
        var flat = new List<(string, TextStyle, XBrush, double, double)>();
        var offset = 0.0;
        foreach (var (lines, style, brush, indent) in cell)
        {
            foreach (var line in lines)
            {
                flat.Add((line, style, brush, indent, offset));
                offset += style.LineHeight;
            }
        }
        return flat;
    }

    private static IReadOnlyList<string> Wrap(RenderContext c, string text, TextStyle style, double width) =>
        c.Painter.Wrap(text, style, width - (2 * Pad));

    private static void Summary(RenderContext c, TranscriptDomain domain)
    {
        var counts = GlanceChart.Counts(c, domain);
        var parts = c.Levels.Select((l, i) => (l.Name, Count: counts[i])).Where(p => p.Count > 0)
            .Select(p => $"{p.Name} {p.Count.ToString(CultureInfo.InvariantCulture)}");
        var lead = c.Labels.DomainSummary.Replace("{count}", domain.Competencies.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var text = $"{lead}: {string.Join(" · ", parts)}";
        var style = RenderContext.SmallBold;
        var lines = c.Painter.Wrap(text, style, c.Flow.Width - (2 * Pad));
        c.Flow.Ensure((lines.Count * style.LineHeight) + (2 * Pad));
        c.Flow.Y += c.Painter.DrawWrapped(c.G, lines, style, c.Muted, c.Flow.Left + Pad, c.Flow.Y + Pad) + (2 * Pad) + 4;
    }
}
