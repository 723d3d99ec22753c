using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests.Scans;

/// <summary>Scans that are damaged, hostile or of a kind the verifier does not read: exit 2 with one sentence, nothing decoded that need not be.</summary>
public sealed class BadScanTests
{
    public static TheoryData<string, string> BadScans() => new()
    {
        { "truncated.png", "No QR code was found in the image" },
        { "huge.png", "more than 50 million, which no scan of a page needs" },
        { "damaged.jpg", "could not be decoded" },
        { "scan.tiff", "TIFF image, which this verifier does not read" },
        { "photo.heic", "HEIC photo, which this verifier does not read" },
        { "bomb.pdf", "could not be decoded: an image's compressed data expands to more than its size allows" },
        { "blank.pdf", "The PDF has no embedded credential and no page images" },
    };

    [Theory, MemberData(nameof(BadScans))]
    public async Task Verify_exits_2_with_one_sentence_for_a_bad_scan(string name, string expected)
    {
        using var folder = new TempStore();
        var path = folder.Write(name, Content(name));

        var run = await RunAsync("verify", path, "--trust-store", folder.Folder);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.False(run.HasStackTrace, run.Err);
        var message = run.Err.Trim();
        Assert.Single(message.Split('\n'));
        Assert.Contains(expected, message);
        Assert.EndsWith(".", message);
    }

    private static byte[] Content(string name) => name switch
    {
        "truncated.png" => Png(64, 64, truncate: true),
        // A valid header claiming 60,000 × 60,000 pixels (14 GB as RGBA) and no pixel data.
        "huge.png" => Png(60_000, 60_000, truncate: true),
        "damaged.jpg" => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[200]],
        "scan.tiff" => [.. "II*\0"u8, .. new byte[100]],
        "photo.heic" => [0, 0, 0, 24, .. "ftypheic"u8, .. new byte[100]],
        "bomb.pdf" => PdfWithImage(width: 100, height: 100, inflated: 64 * 1024 * 1024),
        "blank.pdf" => PdfWithImage(width: 0, height: 0, inflated: 0),
        _ => throw new ArgumentException(name),
    };

    // PNG (ISO 15948): signature, IHDR (8-bit grayscale), an IDAT with the first rows (white) and, unless truncated, IEND.
    private static byte[] Png(int width, int height, bool truncate)
    {
        var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var row = 0; row < Math.Min(height, 4); row++)
            {
                zlib.WriteByte(0);
                zlib.Write(Enumerable.Repeat((byte)255, Math.Min(width, 4096)).ToArray());
            }
        }
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", rows.ToArray());
        if (!truncate)
        {
            Chunk(png, "IEND", []);
        }
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        png.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A one-page PDF drawing one grayscale Flate image whose data inflates to <paramref name="inflated"/> bytes (none when 0).</summary>
    private static byte[] PdfWithImage(int width, int height, int inflated)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < inflated; written += zeros.Length)
            {
                zlib.Write(zeros, 0, Math.Min(zeros.Length, inflated - written));
            }
        }
        var content = inflated > 0 ? "q 595 0 0 842 0 0 cm /Im1 Do Q" : "";
        var resources = inflated > 0 ? "/Resources << /XObject << /Im1 5 0 R >> >>" : "";
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R {resources} >>"),
            Stream($"<< /Length {content.Length} >>", Encoding.ASCII.GetBytes(content)),
            Stream($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 "
                   + $"/Filter /FlateDecode /Length {compressed.Length} >>", compressed.ToArray()),
        };
        var pdf = new MemoryStream();
        pdf.Write("%PDF-1.7\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Encoding.ASCII.GetBytes(dictionary + "\nstream\n"), .. data, .. "\nendstream"u8];
}
