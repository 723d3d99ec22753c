using ZXing;
using ZXing.Common;

namespace Transcripts.Verifier.Inputs;

/// <summary>
/// Finds and decodes the QR codes in a grayscale picture with ZXing.Net, cheapest attempt first: a halved view of a
/// large picture (a printed QR code still has several pixels a module there), then the picture itself, then ZXing's
/// slower thorough search, then a global threshold, which copes better with blur than the local one. QR detection does
/// not depend on orientation, so a page scanned upside down or sideways needs no extra attempt.
/// </summary>
internal static class QrReader
{
    /// <summary>Above this longest side a halved view is searched first.</summary>
    public const int QuickSide = 1_800;

    /// <summary>Up to this longest side (an A4 page at 200 dpi) a doubled view is tried last, for small blurred modules.</summary>
    public const int UpscaleSide = 2_400;

    /// <summary>The texts of every QR code found by the first attempt that found any; empty when none was found.</summary>
    /// <param name="image">The picture.</param>
    /// <param name="wanted">Whether a text is the one sought; an attempt that finds only other codes looks for more.</param>
    public static IReadOnlyList<string> Read(GrayImage image, Func<string, bool> wanted)
    {
        ArgumentNullException.ThrowIfNull(image);
        List<string> others = [];
        foreach (var (view, tryHarder, global) in Attempts(image))
        {
            var reader = CreateReader(tryHarder, global);
            var source = new PlanarYUVLuminanceSource(view.Pixels, view.Width, view.Height, 0, 0, view.Width, view.Height, false);
            if (reader.Decode(source) is not { Text: { } first })
            {
                continue;
            }
            if (wanted(first))
            {
                return [first];
            }
            // Another code (a school's web site, a parcel label) was found first; look for all codes in this view.
            var all = (reader.DecodeMultiple(source) ?? []).Select(r => r.Text).OfType<string>().Distinct().ToList();
            if (all.FirstOrDefault(wanted) is { } sought)
            {
                return [sought];
            }
            others.AddRange(all.Count > 0 ? all : [first]);
        }
        return [.. others.Distinct()];
    }

    private static IEnumerable<(GrayImage View, bool TryHarder, bool Global)> Attempts(GrayImage image)
    {
        if (Math.Max(image.Width, image.Height) > QuickSide)
        {
            var half = ScanImage.Halve(image);
            yield return (half, false, false);
        }
        yield return (image, false, false);
        yield return (image, true, false);
        yield return (image, true, true);
        if (Math.Max(image.Width, image.Height) <= UpscaleSide)
        {
            yield return (ScanImage.Double(image), true, false);
        }
    }

    private static BarcodeReaderGeneric CreateReader(bool tryHarder, bool global) =>
        new(new ZXing.QrCode.QRCodeReader(), global ? s => new GlobalHistogramBinarizer(s) : s => new HybridBinarizer(s), null)
        {
            AutoRotate = false,
            Options = new DecodingOptions
            {
                PossibleFormats = [BarcodeFormat.QR_CODE],
                TryHarder = tryHarder,
                CharacterSet = "UTF-8",
            },
        };
}
