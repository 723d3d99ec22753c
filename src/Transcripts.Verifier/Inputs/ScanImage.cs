using SkiaSharp;

namespace Transcripts.Verifier.Inputs;

/// <summary>A picture reduced to what a QR reader needs: one byte of luminance a pixel, row by row.</summary>
internal sealed record GrayImage(byte[] Pixels, int Width, int Height);

/// <summary>
/// Photos and scans of a printed transcript (PNG, JPEG, WebP), decoded with SkiaSharp to grayscale. The size is read
/// from the header before any pixel is decoded, so a small file that claims billions of pixels is refused, and a large
/// photo is decoded at a reduced size (JPEG scales while decoding): a printed QR code needs far fewer pixels than a
/// 12-megapixel camera gives.
/// </summary>
internal static class ScanImage
{
    /// <summary>More than an A4 page scanned at 600 dpi (35 million) or a 48-megapixel phone photo.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>Above this longest side a JPEG is decoded at a reduced scale: an A4 page at 300 dpi is 3,508 pixels high.</summary>
    public const int MaxDecodedSide = 3_600;

    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>Whether a file starts like an image this verifier decodes.</summary>
    public static bool LooksLikeImage(ReadOnlySpan<byte> head) =>
        head.StartsWith(s_png) || head.StartsWith(s_jpeg)
        || (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8));

    /// <summary>A sentence for image formats a scanner or phone may produce that this verifier does not decode; null otherwise.</summary>
    public static string? UnsupportedFormat(ReadOnlySpan<byte> head) =>
        head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)
            ? "The file is a TIFF image, which this verifier does not read; scan to PDF, PNG or JPEG instead."
        : head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8)
                                                                       || head[8..12].SequenceEqual("mif1"u8))
            ? "The file is a HEIC photo, which this verifier does not read; save or share the photo as JPEG or PNG instead."
        : null;

    /// <summary>Decodes an encoded image (PNG, JPEG, WebP) to grayscale.</summary>
    /// <param name="encoded">The image file's bytes.</param>
    /// <param name="what">How the report names the image ("The image", "The image on page 2 of the PDF").</param>
    /// <exception cref="InputException">The image is damaged, of an unknown kind, or larger than <see cref="MaxPixels"/>.</exception>
    public static GrayImage Decode(ReadOnlySpan<byte> encoded, string what)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data)
            ?? throw new InputException($"{what} could not be decoded: it is damaged, truncated or not a PNG, JPEG or WebP image.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        CheckSize(width, height, what);
        // JPEG decodes at 1/8 … 8/8 of its size for little more than the cost of the smaller picture; other formats
        // decode whole, and the QR reader works on a halved view first.
        var size = Math.Max(width, height) > MaxDecodedSide ? codec.GetScaledDimensions(MaxDecodedSide / (float)Math.Max(width, height))
            : new SKSizeI(width, height);
        var gray = codec.Info.ColorType == SKColorType.Gray8;
        var info = new SKImageInfo(size.Width, size.Height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888,
                                   gray ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        // A truncated file still yields the rows before the damage, which may well hold the QR code.
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new InputException($"{what} could not be decoded ({result}): it is damaged or uses a variant of its format this verifier does not read.");
        }
        return gray ? Copy(bitmap) : ToGray(bitmap);
    }

    /// <exception cref="InputException">The size is empty or larger than <see cref="MaxPixels"/>.</exception>
    public static void CheckSize(long width, long height, string what)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InputException($"{what} has no pixels.");
        }
        if (width * height > MaxPixels)
        {
            throw new InputException($"{what} has {width:N0} × {height:N0} pixels, more than {MaxPixels / 1_000_000} million, which no scan of a page needs; it was not decoded.");
        }
    }

    /// <summary>Halves both sides by averaging 2 × 2 blocks: a quick smaller view for a first, fast QR search.</summary>
    public static GrayImage Halve(GrayImage image)
    {
        int width = image.Width / 2, height = image.Height / 2;
        var pixels = new byte[width * height];
        var source = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            var top = 2 * y * image.Width;
            var bottom = top + image.Width;
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                pixels[row + x] = (byte)((source[top + 2 * x] + source[top + 2 * x + 1] + source[bottom + 2 * x] + source[bottom + 2 * x + 1] + 2) >> 2);
            }
        }
        return new GrayImage(pixels, width, height);
    }

    private static GrayImage Copy(SKBitmap bitmap)
    {
        var source = bitmap.GetPixelSpan();
        int width = bitmap.Width, height = bitmap.Height, stride = bitmap.RowBytes;
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            source.Slice(y * stride, width).CopyTo(pixels.AsSpan(y * width, width));
        }
        return new GrayImage(pixels, width, height);
    }

    /// <summary>
    /// Doubles both sides by bilinear interpolation. It adds no detail, but a QR code printed small and scanned at low
    /// resolution (under three pixels a module) binarizes into cleaner modules once its edges fall between pixels.
    /// </summary>
    public static GrayImage Double(GrayImage image)
    {
        int width = image.Width * 2, height = image.Height * 2, sourceWidth = image.Width;
        var source = image.Pixels;
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            // Output pixel centres fall a quarter of a source pixel either side of a source centre.
            var sy = Math.Max(0, (2 * y - 1) / 4.0);
            int y0 = Math.Min((int)sy, image.Height - 1), y1 = Math.Min(y0 + 1, image.Height - 1);
            var fy = (int)((sy - y0) * 256);
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Max(0, (2 * x - 1) / 4.0);
                int x0 = Math.Min((int)sx, sourceWidth - 1), x1 = Math.Min(x0 + 1, sourceWidth - 1);
                var fx = (int)((sx - x0) * 256);
                var top = source[y0 * sourceWidth + x0] * (256 - fx) + source[y0 * sourceWidth + x1] * fx;
                var bottom = source[y1 * sourceWidth + x0] * (256 - fx) + source[y1 * sourceWidth + x1] * fx;
                pixels[y * width + x] = (byte)((top * (256 - fy) + bottom * fy + 32768) >> 16);
            }
        }
        return new GrayImage(pixels, width, height);
    }

    // ITU-R BT.601 luma in integers; a transparent pixel shows the white paper behind it.
    private static GrayImage ToGray(SKBitmap bitmap)
    {
        var rgba = bitmap.GetPixelSpan();
        int width = bitmap.Width, height = bitmap.Height, stride = bitmap.RowBytes;
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = rgba.Slice(y * stride, 4 * width);
            var target = pixels.AsSpan(y * width, width);
            for (int x = 0, i = 0; x < target.Length; x++, i += 4)
            {
                int r = row[i], g = row[i + 1], b = row[i + 2], a = row[i + 3];
                var luma = (r * 299 + g * 587 + b * 114 + 500) / 1000;
                target[x] = (byte)(a == 255 ? luma : (luma * a + 255 * (255 - a) + 127) / 255);
            }
        }
        return new GrayImage(pixels, width, height);
    }
}
