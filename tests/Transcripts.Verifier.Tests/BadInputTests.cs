using System.Text;

namespace Transcripts.Verifier.Tests;

public sealed class BadInputTests
{
    public static TheoryData<string> BadFiles() =>
        ["truncated.pdf", "garbage.pdf", "nesting-bomb.json", "nesting-bomb.pdf", "nesting-bomb-in-stream.pdf", "deflate-bomb.pdf", "junk.bin", "empty.json", "not-json.json", "words.txt"];

    [Theory, MemberData(nameof(BadFiles))]
    public async Task Verify_exits_2_with_one_sentence_and_no_stack_trace_for_unreadable_input(string name)
    {
        using var folder = new TempStore();
        var path = folder.Write(name, Content(name));

        var run = await VerifierRun.RunAsync("verify", path, "--trust-store", folder.Folder);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.False(run.HasStackTrace, run.Out + run.Err);
        var message = run.Err.Trim();
        Assert.Single(message.Split('\n'));
        Assert.EndsWith(".", message);
    }

    [Fact]
    public async Task Verify_refuses_a_file_over_the_size_limit_without_reading_it()
    {
        using var folder = new TempStore();
        var path = Path.Combine(folder.Folder, "huge.pdf");
        using (var file = File.Create(path))
        {
            file.SetLength(40L * 1024 * 1024);
        }

        var run = await VerifierRun.RunAsync("verify", path, "--trust-store", folder.Folder);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("larger than 32 MB", run.Err);
    }

    [Fact]
    public async Task A_pdf_whose_object_stream_inflates_to_4_GB_ends_with_exit_2_and_one_sentence_not_out_of_memory()
    {
        using var folder = new TempStore();
        var bomb = Content("deflate-bomb.pdf");
        var path = folder.Write("deflate-bomb.pdf", bomb);

        var run = await VerifierRun.RunAsync("verify", path, "--trust-store", folder.Folder);

        Assert.True(bomb.Length < 8 * 1024 * 1024, $"the bomb is {bomb.Length:N0} bytes");
        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains("The PDF's compressed streams expand to more than ", run.Err);
        Assert.EndsWith("MB, far beyond any transcript: it is refused unread.", run.Err.Trim());
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public async Task Verify_exits_1_when_the_pdf_attachment_is_not_a_credential()
    {
        using var store = TempStore.Trusting();
        var pdf = Files.Bytes("fuzz-seed.pdf");
        var path = store.Write("bad-attachment.pdf", ReplaceAttachmentWithJunk(pdf));

        var run = await VerifierRun.RunAsync("verify", path, "--trust-store", store.Folder);

        Assert.True(run.Exit is ExitCodes.Invalid or ExitCodes.Usage, run.Out + run.Err);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public async Task Verify_exits_2_for_a_path_that_is_neither_a_file_nor_qr_text()
    {
        var run = await VerifierRun.RunAsync("verify", "/no/such/transcript.pdf", "--trust-store", Path.GetTempPath());

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("no file or folder", run.Err);
    }

    [Fact]
    public async Task Unknown_option_exits_with_usage_code()
    {
        var run = await VerifierRun.RunAsync("verify", "x.json", "--no-such-option");

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("--no-such-option", run.Err);
    }

    [Fact]
    public async Task Unexpected_error_exits_3_with_one_sentence_and_the_stack_trace_only_with_verbose()
    {
        using var folder = new TempStore();
        var notAFolder = folder.Write("store-is-a-file", "x"u8.ToArray());

        var quiet = await VerifierRun.RunAsync("trust", "add", Files.Path("riverside.trust.json"), "--trust-store", notAFolder);
        var verbose = await VerifierRun.RunAsync("trust", "add", Files.Path("riverside.trust.json"), "--trust-store", notAFolder, "--verbose");

        Assert.Equal(ExitCodes.CannotTell, quiet.Exit);
        Assert.StartsWith("The verifier could not finish", quiet.Err);
        Assert.Single(quiet.Err.Trim().Split('\n'));
        Assert.False(quiet.HasStackTrace);
        Assert.Equal(ExitCodes.CannotTell, verbose.Exit);
        Assert.True(verbose.HasStackTrace);
    }

    internal static byte[] Content(string name) => name switch
    {
        "truncated.pdf" => Files.Bytes("transcript.pdf")[..20_000],
        "garbage.pdf" => [.. "%PDF-1.7\n"u8, .. Junk(5_000, 1)],
        "nesting-bomb.json" => Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000)),
        "nesting-bomb.pdf" => NestedPdf(200_000, hideInStream: false),
        "nesting-bomb-in-stream.pdf" => NestedPdf(150_000, hideInStream: true),
        "deflate-bomb.pdf" => DeflateBombPdf(256),
        "junk.bin" => Junk(10_000, 2),
        "empty.json" => [],
        "not-json.json" => "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\", "u8.ToArray(),
        _ => "Dear admissions office, please find my transcript attached."u8.ToArray(),
    };

    // A catalog holding an array nested `depth` deep (PDFsharp parses it recursively: without a bound the process dies
    // of a stack overflow); with hideInStream the object sits inside stream data and the cross-reference table points at it.
    private static byte[] NestedPdf(int depth, bool hideInStream)
    {
        var head = Encoding.ASCII.GetBytes(hideInStream ? "%PDF-1.7\n2 0 obj\n<< /Length 10 >>\nstream\n" : "%PDF-1.7\n");
        var catalog = Encoding.ASCII.GetBytes("1 0 obj\n<< /Type /Catalog /X " + new string('[', depth) + new string(']', depth) + " >>\nendobj\n");
        var tail = hideInStream ? "\nendstream\nendobj\n"u8.ToArray() : [];
        byte[] body = [.. head, .. catalog, .. tail];
        var xref = $"xref\n0 2\n0000000000 65535 f \n{head.Length:D10} 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n{body.Length}\n%%EOF\n";
        return [.. body, .. Encoding.ASCII.GetBytes(xref)];
    }

    // An object stream of `chunks` × 16 MB of zeros (4 GB for 256) in about 16 KB per chunk: one chunk of zeros deflated
    // to a byte-aligned run of blocks (a sync flush), repeated, closed by an empty final block and the zlib trailer. Its
    // back-references reach only zeros, so the repeats decode to zeros; the Adler-32 of n zeros is (n mod 65521) << 16 | 1.
    private static byte[] DeflateBombPdf(int chunks)
    {
        const int Chunk = 16 * 1024 * 1024;
        var compressed = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(new byte[Chunk]);
            deflate.Flush();
            var block = compressed.ToArray();
            compressed.SetLength(0);
            compressed.Write([0x78, 0x9C]);
            for (var i = 0; i < chunks; i++)
            {
                compressed.Write(block);
            }
            compressed.Write([0x03, 0x00]);
            var adler = (uint)((long)chunks * Chunk % 65521) << 16 | 1;
            compressed.Write([(byte)(adler >> 24), (byte)(adler >> 16), (byte)(adler >> 8), (byte)adler]);
            var data = compressed.ToArray();
            var pdf = new MemoryStream();
            var offsets = new List<long>();
            void Ascii(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
            Ascii("%PDF-1.7\n");
            offsets.Add(pdf.Length);
            Ascii("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.Add(pdf.Length);
            Ascii("2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
            offsets.Add(pdf.Length);
            Ascii($"3 0 obj\n<< /Type /ObjStm /N 1 /First 8 /Filter /FlateDecode /Length {data.Length} >>\nstream\n");
            pdf.Write(data);
            Ascii("\nendstream\nendobj\n");
            var xref = pdf.Length;
            Ascii("xref\n0 4\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                Ascii($"{offset:D10} 00000 n \n");
            }
            Ascii($"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return pdf.ToArray();
        }
    }

    private static byte[] Junk(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x89;
        return bytes;
    }

    // Corrupts the compressed bytes of the embedded file's stream: the PDF stays readable, the attachment does not.
    private static byte[] ReplaceAttachmentWithJunk(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var marker = Encoding.ASCII.GetBytes("/EmbeddedFile");
        var at = copy.AsSpan().IndexOf(marker);
        Assert.True(at > 0, "the seed PDF has an embedded file");
        var stream = copy.AsSpan(at).IndexOf("stream"u8) + at + 8;
        for (var i = stream; i < stream + 64 && i < copy.Length; i++)
        {
            copy[i] ^= 0x5A;
        }
        return copy;
    }
}
