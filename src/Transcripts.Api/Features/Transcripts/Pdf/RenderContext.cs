using System.Globalization;
using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>What every section draws with: the flow, the painter, the template's colours as brushes, and the levels.</summary>
internal sealed class RenderContext(TranscriptTemplate template, TranscriptDocument document, PageFlow flow, TextPainter painter)
{
    public static readonly TextStyle Body = new(9, false);
    public static readonly TextStyle BodyBold = new(9, true);
    public static readonly TextStyle Small = new(7.5, false);
    public static readonly TextStyle SmallBold = new(7.5, true);
    public static readonly TextStyle Heading = new(12, true);

    public TranscriptTemplate Template { get; } = template;
    public TranscriptDocument Document { get; } = document;
    public PageFlow Flow { get; } = flow;
    public TextPainter Painter { get; } = painter;
    public TranscriptLabels Labels => Template.Labels;
    public XGraphics G => Flow.Graphics;

    public XSolidBrush Text { get; } = new(template.Colours.Text);
    public XSolidBrush Muted { get; } = new(template.Colours.Muted);
    public XSolidBrush Accent { get; } = new(template.Colours.Accent);
    public XSolidBrush HeaderFill { get; } = new(template.Colours.HeaderFill);
    public XPen Rule { get; } = new(template.Colours.Rule, 0.6);
    public XPen AccentRule { get; } = new(template.Colours.Accent, 1.5);

    /// <summary>The scale's levels, lowest rank first; a level's index here picks its colour and pattern.</summary>
    public IReadOnlyList<ProficiencyLevel> Levels { get; } = [.. document.Scale.OrderBy(l => l.Rank)];

    /// <summary>Where the fixed QR code sits on page 1 (top right), and the bottom of its caption.</summary>
    public XRect QrBox { get; } = new(flow.Right - QrSize, flow.Top, QrSize, QrSize);
    public double QrBottom => QrBox.Bottom + (2.2 * Small.LineHeight) + 6;
    public const double QrSize = 96;

    public string Date(DateOnly date) => date.ToString(Template.DateFormat, CultureInfo.InvariantCulture);

    public int LevelIndex(int rank)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i].Rank == rank)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>On page 1, moves the cursor below the QR code so that full-width content never overlaps it.</summary>
    public void ClearQrCode()
    {
        if (Flow.PageNumber == 1 && Flow.Y < QrBottom)
        {
            Flow.Y = QrBottom;
        }
    }

    /// <summary>The width free for text at the cursor: narrower beside the QR code on page 1.</summary>
    public double WidthBesideQr => Flow.PageNumber == 1 && Flow.Y < QrBottom ? Flow.Width - QrSize - 18 : Flow.Width;

    public void SectionHeading(string title)
    {
        Flow.Ensure(Heading.LineHeight + 40);
        Painter.Draw(G, title, Heading, Accent, Flow.Left, Flow.Y);
        Flow.Y += Heading.LineHeight + 1;
        G.DrawLine(AccentRule, Flow.Left, Flow.Y, Flow.Right, Flow.Y);
        Flow.Y += 6;
    }
}
