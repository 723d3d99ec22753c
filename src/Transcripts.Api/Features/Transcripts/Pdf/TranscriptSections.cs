using System.Globalization;
using PdfSharp.Drawing;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>The short sections: school header, learner, level key, verification (with the signature line), QR code and footer.</summary>
internal static class TranscriptSections
{
    public static void Header(RenderContext c)
    {
        var g = c.G;
        var left = c.Flow.Left;
        var top = c.Flow.Y;
        var logo = c.Document.Institution.Logo is { } bytes ? bytes.ToArray() : c.Template.Logo;
        if (logo is not null)
        {
            using var image = XImage.FromStream(new MemoryStream(logo, writable: false));
            var height = 54.0;
            var width = Math.Min(110, height * image.PixelWidth / Math.Max(1, image.PixelHeight));
            height = width * image.PixelHeight / Math.Max(1, image.PixelWidth);
            if (c.Flow.IsDrawing)
            {
                g.DrawImage(image, left, top, width, height);
            }
            left += width + 12;
        }
        var width2 = c.Flow.Right - left - RenderContext.QrSize - 18;
        var y = top;
        var name = new TextStyle(16, true);
        y += c.Painter.DrawWrapped(g, c.Painter.Wrap(c.Document.Institution.Name, name, width2), name, c.Text, left, y);
        foreach (var line in c.Document.Institution.AddressLines)
        {
            y += c.Painter.DrawWrapped(g, c.Painter.Wrap(line, RenderContext.Small, width2), RenderContext.Small, c.Muted, left, y);
        }
        y = Math.Max(y + 8, top + 50);
        var title = new TextStyle(20, true);
        var titleWidth = c.Flow.Width - RenderContext.QrSize - 18;
        y += c.Painter.DrawWrapped(g, c.Painter.Wrap(c.Labels.Title, title, titleWidth), title, c.Accent, c.Flow.Left, y) + 2;
        y = Pair(c, c.Labels.IssueDate, c.Date(c.Document.IssueDate), y, titleWidth);
        y = Pair(c, c.Labels.TranscriptId, c.Document.TranscriptId, y, titleWidth);
        c.Flow.Y = y + 8;
    }

    public static void Learner(RenderContext c)
    {
        var learner = c.Document.Learner;
        var width = c.WidthBesideQr - 16;
        var nameStyle = new TextStyle(14, true);
        var nameLines = c.Painter.Wrap(learner.Name, nameStyle, width);
        var height = 8 + RenderContext.Small.LineHeight + (nameLines.Count * nameStyle.LineHeight) + (2 * RenderContext.Body.LineHeight) + 8;
        c.Flow.Ensure(height);
        var top = c.Flow.Y;
        c.G.DrawRectangle(c.HeaderFill, c.Flow.Left, top, c.WidthBesideQr, height);
        c.G.DrawRectangle(c.Accent, c.Flow.Left, top, 3, height);
        var y = top + 8;
        c.Painter.Draw(c.G, c.Labels.Learner.ToUpperInvariant(), RenderContext.SmallBold, c.Muted, c.Flow.Left + 12, y);
        y += RenderContext.Small.LineHeight;
        y += c.Painter.DrawWrapped(c.G, nameLines, nameStyle, c.Text, c.Flow.Left + 12, y);
        if (learner.Identifier is { } identifier)
        {
            y = Pair(c, c.Labels.LearnerIdentifier, identifier, y, width, c.Flow.Left + 12);
        }
        if (c.Template.ShowDateOfBirth && learner.DateOfBirth is { } born)
        {
            Pair(c, c.Labels.DateOfBirth, c.Date(born), y, width, c.Flow.Left + 12);
        }
        c.Flow.Y = top + height + 10;
    }

    public static void LevelKey(RenderContext c)
    {
        c.ClearQrCode();
        var nameWidth = Math.Min(150, c.Flow.Width * 0.28);
        var textLeft = c.Flow.Left + 18 + nameWidth;
        var textWidth = c.Flow.Right - textLeft;
        var rows = c.Levels.Select(level =>
        {
            var title = $"{level.Name} ({c.Labels.Rank} {level.Rank.ToString(CultureInfo.InvariantCulture)})";
            var text = level.IsMastery ? $"{level.Description} — {c.Labels.Mastery}" : level.Description;
            var titleLines = c.Painter.Wrap(title, RenderContext.BodyBold, nameWidth);
            var lines = c.Painter.Wrap(text, RenderContext.Body, textWidth);
            return (TitleLines: titleLines, Lines: lines, Height: Math.Max(titleLines.Count, lines.Count) * RenderContext.Body.LineHeight);
        }).ToList();
        // The key moves to the next page whole when it fits on one; a longer key never leaves its last row alone.
        var whole = RenderContext.Heading.LineHeight + 7 + rows.Sum(r => r.Height + 4);
        if (whole <= c.Flow.Bottom - c.Flow.Top)
        {
            c.Flow.Ensure(whole);
        }
        c.SectionHeading(c.Labels.LevelKey);
        for (var i = 0; i < c.Levels.Count; i++)
        {
            var (titleLines, lines, height) = rows[i];
            c.Flow.Ensure(i == rows.Count - 2 ? height + 4 + rows[i + 1].Height + 4 : height + 4);
            LevelSwatch.Fill(c, c.G, i, new XRect(c.Flow.Left, c.Flow.Y + 1.5, 11, 9));
            c.Painter.DrawWrapped(c.G, titleLines, RenderContext.BodyBold, c.Text, c.Flow.Left + 18, c.Flow.Y);
            c.Painter.DrawWrapped(c.G, lines, RenderContext.Body, c.Text, textLeft, c.Flow.Y);
            c.Flow.Y += height + 4;
        }
        c.Flow.Y += 8;
    }

    public static void Verification(RenderContext c)
    {
        c.ClearQrCode();
        c.SectionHeading(c.Labels.Verification);
        var lines = c.Painter.Wrap(c.Document.VerificationInstructions, RenderContext.Body, c.Flow.Width);
        var link = c.Painter.Wrap(c.Document.QrText, RenderContext.Small, c.Flow.Width);
        c.Flow.Ensure((lines.Count * RenderContext.Body.LineHeight) + (link.Count * RenderContext.Small.LineHeight) + 6);
        c.Flow.Y += c.Painter.DrawWrapped(c.G, lines, RenderContext.Body, c.Text, c.Flow.Left, c.Flow.Y) + 4;
        c.Flow.Y += c.Painter.DrawWrapped(c.G, link, RenderContext.Small, c.Muted, c.Flow.Left, c.Flow.Y) + 4;
        if (c.Template.ShowSignatureLine)
        {
            c.Flow.Ensure(22 + 3 + RenderContext.Small.LineHeight);
            var y = c.Flow.Y + 22;
            var half = (c.Flow.Width - 30) / 2;
            c.G.DrawLine(new XPen(c.Template.Colours.Text, 0.7), c.Flow.Left, y, c.Flow.Left + half, y);
            c.G.DrawLine(new XPen(c.Template.Colours.Text, 0.7), c.Flow.Right - (half * 0.6), y, c.Flow.Right, y);
            c.Painter.Draw(c.G, c.Labels.Signature, RenderContext.Small, c.Muted, c.Flow.Left, y + 3);
            c.Painter.Draw(c.G, c.Labels.SignatureDate, RenderContext.Small, c.Muted, c.Flow.Right - (half * 0.6), y + 3);
            c.Flow.Y = y + 14;
        }
    }

    /// <summary>The QR code in its fixed place on page 1, with its caption centred underneath.</summary>
    public static void QrCode(RenderContext c, XGraphics g)
    {
        var box = c.QrBox;
        QrCodeDrawing.Draw(g, c.Document.QrText, box.X, box.Y, box.Width);
        var lines = c.Painter.Wrap(c.Labels.ScanToVerify, RenderContext.Small, box.Width + 12);
        var y = box.Bottom + 2;
        foreach (var line in lines)
        {
            c.Painter.Draw(g, line, RenderContext.Small, c.Muted, box.X + ((box.Width - c.Painter.Width(line, RenderContext.Small)) / 2), y);
            y += RenderContext.Small.LineHeight;
        }
    }

    public static double FooterHeight => (2 * RenderContext.Small.LineHeight) + 10;

    public static void Footer(RenderContext c, XGraphics g, int page, int pages)
    {
        var size = c.Template.PageDimensions;
        var top = size.Height - c.Template.Margins.Bottom - FooterHeight + 8;
        g.DrawLine(c.Rule, c.Flow.Left, top - 4, c.Flow.Right, top - 4);
        var number = c.Labels.PageNumber.Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var numberWidth = c.Painter.Width(number, RenderContext.SmallBold);
        var room = c.Flow.Width - numberWidth - 16;
        var who = Fit(c, $"{c.Document.Institution.Name} · {c.Document.Learner.Name} · {c.Labels.TranscriptId} {c.Document.TranscriptId}", room);
        c.Painter.Draw(g, who, RenderContext.Small, c.Muted, c.Flow.Left, top);
        c.Painter.DrawRight(g, number, RenderContext.SmallBold, c.Text, c.Flow.Right, top);
        var verify = Fit(c, $"{c.Labels.ScanToVerify}: {c.Document.QrText.Split('#')[0]}", c.Flow.Width);
        c.Painter.Draw(g, verify, RenderContext.Small, c.Muted, c.Flow.Left, top + RenderContext.Small.LineHeight);
    }

    private static string Fit(RenderContext c, string text, double width)
    {
        if (c.Painter.Width(text, RenderContext.Small) <= width)
        {
            return text;
        }
        var cut = text.Length;
        while (cut > 1 && c.Painter.Width(string.Concat(text.AsSpan(0, cut), "…"), RenderContext.Small) > width)
        {
            cut--;
        }
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static double Pair(RenderContext c, string label, string value, double y, double width, double? left = null)
    {
        var x = left ?? c.Flow.Left;
        var labelText = label + ": ";
        var labelWidth = c.Painter.Width(labelText, RenderContext.Body);
        c.Painter.Draw(c.G, labelText, RenderContext.Body, c.Muted, x, y);
        var lines = c.Painter.Wrap(value, RenderContext.BodyBold, Math.Max(40, width - labelWidth));
        return y + c.Painter.DrawWrapped(c.G, lines, RenderContext.BodyBold, c.Text, x + labelWidth, y);
    }
}
