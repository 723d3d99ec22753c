using PdfSharp.Drawing;
using QRCoder;

namespace Transcripts.Api.Features.Transcripts.Pdf;

/// <summary>Draws a QR code as filled vector rectangles (one per horizontal run of dark modules), never as a bitmap.</summary>
internal static class QrCodeDrawing
{
    /// <summary>Error correction M (15 %) survives a fold, a stamp or a scuff on paper.</summary>
    public const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.M;

    /// <summary>Draws <paramref name="text"/> as a QR code filling the square at (<paramref name="x"/>, <paramref name="y"/>), quiet zone included.</summary>
    public static void Draw(XGraphics g, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, Correction);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        g.DrawRectangle(XBrushes.White, x, y, size, size);
        var runs = new List<XRect>(matrix.Count * 8);
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < bits.Length)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < bits.Length && bits[column])
                {
                    column++;
                }
                // A hair of overlap keeps anti-aliasing seams out of the scanned image.
                runs.Add(new XRect(x + (start * module), y + (row * module), ((column - start) * module) + 0.02, module + 0.02));
            }
        }
        g.DrawRectangles(XBrushes.Black, [.. runs]);
    }
}
