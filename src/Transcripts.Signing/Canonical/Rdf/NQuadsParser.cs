// RDF 1.1 N-Quads (W3C Recommendation 25 February 2014), §4 grammar: one statement per line,
// subject predicate object [graph] '.', with comments, IRIREF/UCHAR, STRING_LITERAL_QUOTE/ECHAR,
// BLANK_NODE_LABEL and LANGTAG. IRIs must be absolute (have a scheme). Bounds: the input may have at most
// Limits.MaxDocumentBytes UTF-8 bytes and Limits.MaxNodes statements. Errors name the 1-based line.

using System.Globalization;
using System.Text;

namespace Transcripts.Signing.Canonical.Rdf;

/// <summary>Parses untrusted N-Quads into quads, in document order.</summary>
internal static class NQuadsParser
{
    /// <summary>Parses UTF-8 N-Quads.</summary>
    /// <exception cref="SigningException">The input is not UTF-8 or not N-Quads (<see cref="SigningError.InvalidNQuads"/>), or exceeds a limit.</exception>
    public static IReadOnlyList<Quad> Parse(ReadOnlySpan<byte> utf8, Limits? limits = null)
    {
        limits ??= Limits.Default;
        CheckSize(utf8.Length, limits);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new SigningException(SigningError.InvalidNQuads, "The N-Quads document is not valid UTF-8.", e);
        }
        return Parse(text, limits);
    }

    /// <summary>Parses N-Quads text.</summary>
    /// <exception cref="SigningException">The input is not N-Quads (<see cref="SigningError.InvalidNQuads"/>), or exceeds a limit.</exception>
    public static IReadOnlyList<Quad> Parse(string text, Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= Limits.Default;
        CheckSize(System.Text.Encoding.UTF8.GetByteCount(text), limits);
        var quads = new List<Quad>();
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOfAny(['\n', '\r'], start);
            if (end < 0)
            {
                end = text.Length;
            }
            lineNumber++;
            var quad = new NQuadsLineReader(text.AsSpan(start, end - start), lineNumber).ReadStatement();
            if (quad is not null)
            {
                if (quads.Count == limits.MaxNodes)
                {
                    throw new SigningException(SigningError.DocumentTooComplex,
                        $"The N-Quads document has more than {limits.MaxNodes:N0} statements.");
                }
                quads.Add(quad);
            }
            // A CR LF pair ends one line, not two, so line numbers match what an editor shows.
            start = end + (end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
        }
        return quads;
    }

    private static void CheckSize(int bytes, Limits limits)
    {
        if (bytes > limits.MaxDocumentBytes)
        {
            throw new SigningException(SigningError.DocumentTooLarge,
                $"The N-Quads document has {bytes:N0} bytes; at most {limits.MaxDocumentBytes:N0} are accepted.");
        }
    }
}
