using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;

namespace Transcripts.Verifier.Inputs;

/// <summary>What a search of a PDF's page images saw: whether it attaches files (then it was not searched), how many
/// images it searched, and, in words, those it could not decode.</summary>
internal sealed record PdfImageSearch(bool HasAttachments, int Images, string Skipped);

/// <summary>
/// The page images of a scanner's PDF, read with PdfPig (which reads without rendering: a scanner's page is one picture,
/// so nothing needs drawing). Each image is handed over as grayscale until the caller finds what it seeks. Bounded: the
/// first <see cref="MaxPages"/> pages, <see cref="MaxImages"/> images, sizes checked before decoding, and Flate data
/// inflated once under a bound before PdfPig inflates it, so that a small stream cannot expand without limit.
/// </summary>
internal static class ScannedPdf
{
    /// <summary>The QR code is on page 1; a scan's pages are searched up to here in case they were shuffled.</summary>
    public const int MaxPages = 20;

    /// <summary>The most images searched in one document.</summary>
    public const int MaxImages = 60;

    /// <summary>Smaller than this (in pixels a side) no image holds a readable QR code.</summary>
    private const int MinSide = 21;

    /// <summary>Searches the page images in page order until <paramref name="found"/> returns a result.</summary>
    /// <exception cref="InputException">The PDF cannot be read.</exception>
    public static T? Search<T>(byte[] pdf, Func<GrayImage, int, T?> found, out PdfImageSearch search) where T : class
    {
        PdfNesting.Check(pdf);
        PdfInflation.Check(pdf, PdfInflation.MaxScanInflatedBytes);
        int images = 0, unreadable = 0;
        string? unreadableWhy = null;
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.Advanced.TryGetEmbeddedFiles(out var files) && files.Count > 0)
            {
                search = new PdfImageSearch(true, 0, "");
                return null;
            }
            var pictured = PagesWithPictures(document);
            for (var number = 1; number <= Math.Min(document.NumberOfPages, MaxPages) && images < MaxImages; number++)
            {
                // Reading a page parses its fonts, which costs far more than a scanner's page needs; pages whose
                // resources name no image (or form that could hold one) are skipped unread.
                if (pictured is not null && !pictured.Contains(number))
                {
                    continue;
                }
                foreach (var image in document.GetPage(number).GetImages())
                {
                    if (image.IsImageMask || image.WidthInSamples < MinSide || image.HeightInSamples < MinSide)
                    {
                        continue;
                    }
                    if (++images > MaxImages)
                    {
                        break;
                    }
                    var gray = TryGray(image, number, out var why);
                    if (gray is null)
                    {
                        unreadable++;
                        unreadableWhy ??= why;
                        continue;
                    }
                    if (found(gray, number) is { } result)
                    {
                        search = new PdfImageSearch(false, images, "");
                        return result;
                    }
                }
            }
        }
        catch (Exception e) when (e is not (InputException or OutOfMemoryException))
        {
            // PdfPig raises many exception types for damaged files; all mean the same to a reader.
            throw new InputException("The PDF could not be read: it is damaged, truncated or not a PDF.", e);
        }
        search = new PdfImageSearch(false, Math.Min(images, MaxImages),
                                    unreadable == 0 ? "" : $" ({unreadable:N0} of them could not be decoded: {unreadableWhy})");
        return null;
    }

    /// <summary>
    /// The numbers of the pages (of the first <see cref="MaxPages"/>) whose resources, own or inherited, name an image or
    /// form XObject; null when the page tree cannot be walked here, so that every page is read.
    /// </summary>
    private static HashSet<int>? PagesWithPictures(PdfDocument document)
    {
        var pictured = new HashSet<int>();
        var number = 0;
        var visited = new HashSet<DictionaryToken>(ReferenceEqualityComparer.Instance);
        bool Walk(IToken? token, IToken? inherited, int depth)
        {
            if (Resolve(document, token) is not DictionaryToken node || depth > 32 || !visited.Add(node) || number >= MaxPages)
            {
                return depth <= 32;
            }
            var resources = node.TryGet(NameToken.Resources, out var own) ? own : inherited;
            if (node.TryGet(NameToken.Kids, out var kids))
            {
                return Resolve(document, kids) is not ArrayToken array || array.Data.All(kid => Walk(kid, resources, depth + 1));
            }
            number++;
            if (Resolve(document, resources) is DictionaryToken dictionary && dictionary.TryGet(NameToken.Xobject, out var xobjects)
                && Resolve(document, xobjects) is DictionaryToken named
                && named.Data.Values.Any(x => Resolve(document, x) is StreamToken stream && stream.StreamDictionary.TryGet(NameToken.Subtype, out var subtype)
                                              && subtype is NameToken { Data: "Image" or "Form" }))
            {
                pictured.Add(number);
            }
            return true;
        }
        try
        {
            return document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out var root) && Walk(root, null, 0) ? pictured : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged reference here is left for the page reader, which is more lenient.
            return null;
        }
    }

    private static IToken? Resolve(PdfDocument document, IToken? token) =>
        token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data)?.Data : token;

    private static GrayImage? TryGray(IPdfImage image, int page, out string why)
    {
        var what = $"The image on page {page} of the PDF";
        why = "";
        try
        {
            ScanImage.CheckSize(image.WidthInSamples, image.HeightInSamples, what);
        }
        catch (InputException e)
        {
            why = e.Message.TrimEnd('.');
            return null;
        }
        var filters = Filters(image.ImageDictionary);
        if (filters is ["DCTDecode" or "DCT"])
        {
            return ScanImage.Decode(image.RawMemory.Span, what);
        }
        if (filters.Any(f => f is not ("FlateDecode" or "Fl" or "CCITTFaxDecode" or "CCF")))
        {
            why = $"{string.Join(", ", filters)} images are not read by this verifier";
            return null;
        }
        if (filters.Contains("FlateDecode") || filters.Contains("Fl"))
        {
            var most = ((long)image.WidthInSamples * Math.Max(1, image.ColorSpaceDetails?.NumberOfColorComponents ?? 1) * Math.Max(8, image.BitsPerComponent) / 8 + 1)
                       * image.HeightInSamples + 65_536;
            if (!InflatesWithin(image.RawMemory, most))
            {
                why = "an image's compressed data expands to more than its size allows";
                return null;
            }
        }
        if (image.BitsPerComponent == 8 && image.Decode is not { Count: > 0 } && image.TryGetBytesAsMemory(out var samples)
            && image.ColorSpaceDetails is DeviceGrayColorSpaceDetails or DeviceRgbColorSpaceDetails)
        {
            var components = image.ColorSpaceDetails.NumberOfColorComponents;
            if (samples.Length >= (long)image.WidthInSamples * image.HeightInSamples * components)
            {
                return FromSamples(samples.Span, image.WidthInSamples, image.HeightInSamples, components);
            }
        }
        if (image.TryGetPng(out var png))
        {
            return ScanImage.Decode(png, what);
        }
        why = "PdfPig could not convert an image's colour space";
        return null;
    }

    private static GrayImage FromSamples(ReadOnlySpan<byte> samples, int width, int height, int components)
    {
        var pixels = new byte[width * height];
        if (components == 1)
        {
            samples[..pixels.Length].CopyTo(pixels);
        }
        else
        {
            for (int i = 0, s = 0; i < pixels.Length; i++, s += 3)
            {
                pixels[i] = (byte)((samples[s] * 299 + samples[s + 1] * 587 + samples[s + 2] * 114 + 500) / 1000);
            }
        }
        return new GrayImage(pixels, width, height);
    }

    private static List<string> Filters(DictionaryToken dictionary)
    {
        if (!dictionary.TryGet(NameToken.Filter, out var token) && !dictionary.TryGet(NameToken.F, out token))
        {
            return [];
        }
        return token switch
        {
            NameToken name => [name.Data],
            ArrayToken array => [.. array.Data.Select(t => (t as NameToken)?.Data ?? "(unknown)")],
            _ => ["(unknown)"],
        };
    }

    // Counts the inflated bytes without keeping them; stops past the bound. Damaged data is left for PdfPig to judge.
    private static bool InflatesWithin(ReadOnlyMemory<byte> compressed, long most)
    {
        try
        {
            using var inflate = new ZLibStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
            var buffer = new byte[81_920];
            long total = 0;
            int read;
            while ((read = inflate.Read(buffer)) > 0)
            {
                if ((total += read) > most)
                {
                    return false;
                }
            }
            return true;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
