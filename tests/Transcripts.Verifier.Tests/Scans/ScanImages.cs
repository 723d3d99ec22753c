using System.Collections.Concurrent;
using System.Diagnostics;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using SkiaSharp;
using Transcripts.Tests;

namespace Transcripts.Verifier.Tests.Scans;

/// <summary>
/// Scans made from the real transcript PDF: its pages rendered by poppler's <c>pdftoppm</c> (as a scanner would see the
/// printed page), then photographed badly in .NET with SkiaSharp — turned, skewed, blurred, JPEG-compressed — or put
/// in a PDF the way a scanner writes one (a page-sized picture, nothing else). <c>pdftoppm</c> missing skips the test
/// with the package to install, or fails it under <c>TRANSCRIPTS_REQUIRE_SPEC=1</c> (CI installs poppler-utils).
/// </summary>
public static class ScanImages
{
    private static readonly ConcurrentDictionary<(int Dpi, bool Gray, int Page), byte[]> s_pages = new();

    /// <summary>Page <paramref name="page"/> of Files/transcript.pdf as PNG at <paramref name="dpi"/>.</summary>
    public static byte[] Page(int dpi, bool gray = false, int page = 1) => s_pages.GetOrAdd((dpi, gray, page), Render);

    private static byte[] Render((int Dpi, bool Gray, int Page) key)
    {
        var tool = new[] { "/usr/bin", "/usr/local/bin", "/bin" }.Select(d => Path.Combine(d, "pdftoppm")).FirstOrDefault(File.Exists);
        if (tool is null)
        {
            const string reason = "pdftoppm is not installed (Debian package poppler-utils); it renders the transcript pages that the scan tests photograph.";
            if (SpecData.IsRequired || Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"{SpecData.RequireVariable}=1 or CI is set but {reason}");
            }
            Skip.If(true, reason);
        }
        var start = new ProcessStartInfo(tool!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-r", key.Dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-singlefile",
                                            "-f", $"{key.Page}", "-l", $"{key.Page}", .. (key.Gray ? ["-gray"] : Array.Empty<string>()), Files.Path("transcript.pdf")])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var png = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(png);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed: {stderr.Result}");
        return png.ToArray();
    }

    public static SKBitmap Decode(byte[] image) => SKBitmap.Decode(image) ?? throw new InvalidOperationException("The test image does not decode.");

    public static byte[] Png(SKBitmap bitmap) => Encode(bitmap, SKEncodedImageFormat.Png, 100);

    public static byte[] Jpeg(SKBitmap bitmap, int quality) => Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// The picture turned by <paramref name="degrees"/> on white paper: quarter turns pixel for pixel (a scanner's
    /// rotate button), other angles resampled, optionally with a slight perspective (a phone held not quite flat) and
    /// a Gaussian blur of <paramref name="blurSigma"/> pixels (focus, or a cheap scanner's optics).
    /// </summary>
    public static SKBitmap Turn(SKBitmap source, float degrees, float perspective = 0, float blurSigma = 0)
    {
        var radians = degrees * MathF.PI / 180;
        var (cos, sin) = (MathF.Abs(MathF.Cos(radians)), MathF.Abs(MathF.Sin(radians)));
        var width = (int)MathF.Round((source.Width * cos) + (source.Height * sin));
        var height = (int)MathF.Round((source.Width * sin) + (source.Height * cos));
        var turned = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.White);
        if (degrees % 90 == 0)
        {
            var quarter = ((int)degrees % 360 + 360) % 360;
            canvas.Translate(quarter is 90 or 180 ? width : 0, quarter is 180 or 270 ? height : 0);
            canvas.RotateDegrees(quarter);
        }
        else
        {
            canvas.Translate(width / 2f, height / 2f);
            canvas.RotateDegrees(degrees);
            if (perspective != 0)
            {
                var tilt = SKMatrix.Identity;
                tilt.Persp0 = perspective;
                canvas.Concat(tilt);
            }
            canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        }
        using var blur = blurSigma > 0 ? SKImageFilter.CreateBlur(blurSigma, blurSigma) : null;
        using var paint = new SKPaint { ImageFilter = blur };
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        return turned;
    }

    /// <summary>A scanner's PDF: each picture drawn over a whole A4 page, with no text and no attachment.</summary>
    public static byte[] ScannerPdf(params byte[][] pages)
    {
        PdfSharp.PdfSharpLicense.SetAgplLicense();
        using var document = new PdfDocument();
        foreach (var picture in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var graphics = XGraphics.FromPdfPage(page);
            using var image = XImage.FromStream(new MemoryStream(picture));
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }
        var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>A white picture with <paramref name="text"/> as a QR code drawn in it (ZXing's encoder), 8 pixels a module.</summary>
    public static byte[] QrPicture(string text)
    {
        var matrix = new ZXing.QrCode.QRCodeWriter().encode(text, ZXing.BarcodeFormat.QR_CODE, 0, 0);
        const int module = 8;
        using var bitmap = new SKBitmap(new SKImageInfo((matrix.Width + 8) * module, (matrix.Height + 8) * module, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            for (var y = 0; y < matrix.Height; y++)
            {
                for (var x = 0; x < matrix.Width; x++)
                {
                    if (matrix[x, y])
                    {
                        canvas.DrawRect((x + 4) * module, (y + 4) * module, module, module, black);
                    }
                }
            }
        }
        return Png(bitmap);
    }
}
