using System.Text;

namespace Transcripts.Verifier.Tests;

public sealed class BadInputTests
{
    public static TheoryData<string> BadFiles() =>
        ["truncated.pdf", "garbage.pdf", "nesting-bomb.json", "nesting-bomb.pdf", "nesting-bomb-in-stream.pdf", "junk.bin", "empty.json", "not-json.json", "words.txt"];

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
