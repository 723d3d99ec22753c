using System.Text;
using Transcripts.Signing.Tokens;

namespace Transcripts.Verifier.Inputs;

/// <summary>What an input turned out to be, judged from its first bytes rather than its file name.</summary>
internal enum InputKind
{
    /// <summary>A JSON document: a credential or a presentation.</summary>
    Json,
    /// <summary>A PDF transcript.</summary>
    Pdf,
    /// <summary>The text of a transcript's QR code.</summary>
    QrText,
    /// <summary>A photo or scanner image of a printed transcript (PNG, JPEG, WebP).</summary>
    Image,
}

/// <summary>One input read into memory with its size bounded: a file, or QR text given on the command line.</summary>
internal sealed record CredentialFile(string Source, InputKind Kind, byte[] Bytes)
{
    /// <summary>The largest file read (a PDF transcript with a logo and a long CLR stays far below it).</summary>
    public const int MaxFileBytes = 32 * 1024 * 1024;

    /// <summary>The largest JSON document read (the signing core's document limit).</summary>
    public const int MaxJsonBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding s_strictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Reads and classifies the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file is missing, empty, too large or of no kind the verifier reads.</exception>
    public static CredentialFile Read(string path)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > MaxFileBytes)
            {
                throw new InputException($"The file is larger than {MaxFileBytes / (1024 * 1024)} MB, more than any transcript or credential; it was not read.");
            }
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"The file could not be read: {e.Message}", e);
        }
        return FromBytes(path, bytes);
    }

    /// <summary>Classifies bytes that came from <paramref name="source"/>.</summary>
    /// <exception cref="InputException">The bytes are empty, too large or of no kind the verifier reads.</exception>
    public static CredentialFile FromBytes(string source, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new InputException("The file is empty.");
        }
        if (PdfTranscript.LooksLikePdf(bytes))
        {
            return new(source, InputKind.Pdf, bytes);
        }
        if (ScanImage.LooksLikeImage(bytes))
        {
            return new(source, InputKind.Image, bytes);
        }
        if (ScanImage.UnsupportedFormat(bytes) is { } unsupported)
        {
            throw new InputException(unsupported);
        }
        var text = bytes.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (start >= 0 && (text[start] == (byte)'{' || text[start] == (byte)'['))
        {
            return bytes.Length <= MaxJsonBytes ? new(source, InputKind.Json, text.ToArray())
                : throw new InputException($"The JSON file is larger than {MaxJsonBytes / (1024 * 1024)} MB, the most a credential may have; it was not read.");
        }
        if (bytes.Length <= 2 * TranscriptQr.MaxLength && TryText(text, out var qr) && qr.Contains("/v/", StringComparison.Ordinal))
        {
            return new(source, InputKind.QrText, Encoding.UTF8.GetBytes(qr.Trim()));
        }
        throw new InputException("The file is not a credential (JSON), a PDF transcript, a scan of one (PNG, JPEG, WebP or a scanner's PDF) or the text of a transcript's QR code.");
    }

    /// <summary>QR text typed or pasted as a command-line argument.</summary>
    public static CredentialFile FromQrArgument(string text) => FromQrText("(QR text)", text);

    /// <summary>QR text that came from <paramref name="source"/> (a command-line argument, or a QR code found in a scan).</summary>
    public static CredentialFile FromQrText(string source, string text) => new(source, InputKind.QrText, Encoding.UTF8.GetBytes(text.Trim()));

    private static bool TryText(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = s_strictUtf8.GetString(bytes);
            return !text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
