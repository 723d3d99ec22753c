using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>
/// A level's colour and pattern. The pattern (plain, diagonal, dots, cross-hatch, horizontal, vertical) keeps the
/// levels apart when the page is printed in greyscale; labels carry the numbers, so colour is never the only cue.
/// </summary>
internal static class LevelSwatch
{
    private const int Patterns = 6;

    public static XColor Colour(RenderContext c, int levelIndex)
    {
        var colours = c.Template.Colours.Levels;
        return colours[Math.Max(levelIndex, 0) % colours.Count];
    }

    public static void Fill(RenderContext c, XGraphics g, int levelIndex, XRect box)
    {
        var colour = Colour(c, levelIndex);
        g.DrawRectangle(new XSolidBrush(colour), box);
        var pattern = Math.Max(levelIndex, 0) % Patterns;
        if (pattern != 0 && c.Flow.IsDrawing)
        {
            var ink = new XPen(Luminance(colour) > 0.55 ? XColor.FromArgb(255, 30, 30, 30) : XColor.FromArgb(255, 255, 255, 255), 0.7);
            var state = g.Save();
            g.IntersectClip(box);
            DrawPattern(g, pattern, ink, box);
            g.Restore(state);
        }
        g.DrawRectangle(new XPen(XColor.FromArgb(255, 60, 60, 60), 0.4), box);
    }

    private static void DrawPattern(XGraphics g, int pattern, XPen ink, XRect box)
    {
        const double step = 4;
        switch (pattern)
        {
            case 1 or 3:
                for (var x = box.Left - box.Height; x < box.Right; x += step)
                {
                    g.DrawLine(ink, x, box.Bottom, x + box.Height, box.Top);
                    if (pattern == 3)
                    {
                        g.DrawLine(ink, x, box.Top, x + box.Height, box.Bottom);
                    }
                }
                break;
            case 2:
                var dot = new XSolidBrush(ink.Color);
                for (var y = box.Top + 1.5; y < box.Bottom; y += step)
                {
                    for (var x = box.Left + 1.5 + (((int)((y - box.Top) / step) % 2) * 2); x < box.Right; x += step)
                    {
                        g.DrawRectangle(dot, x - 0.6, y - 0.6, 1.2, 1.2);
                    }
                }
                break;
            case 4:
                for (var y = box.Top + 2; y < box.Bottom; y += step)
                {
                    g.DrawLine(ink, box.Left, y, box.Right, y);
                }
                break;
            default:
                for (var x = box.Left + 2; x < box.Right; x += step)
                {
                    g.DrawLine(ink, x, box.Top, x, box.Bottom);
                }
                break;
        }
    }

    public static double Luminance(XColor c) => ((0.2126 * c.R) + (0.7152 * c.G) + (0.0722 * c.B)) / 255;
}
