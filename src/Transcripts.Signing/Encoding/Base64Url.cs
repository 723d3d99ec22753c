// base64url without padding (RFC 4648 §5; multibase prefix 'u'). Padding, whitespace and characters of
// the standard alphabet ('+', '/') are rejected, and so are non-canonical trailing bits, so one byte
// string has exactly one text form.
namespace Transcripts.Signing.Encoding;

internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }
        var padded = new char[(text.Length + 3) / 4 * 4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            padded[i] = c switch
            {
                >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                '-' => '+',
                '_' => '/',
                _ => '\0',
            };
            if (padded[i] == '\0')
            {
                return false;
            }
        }
        padded.AsSpan(text.Length).Fill('=');
        try
        {
            data = Convert.FromBase64CharArray(padded, 0, padded.Length);
        }
        catch (FormatException)
        {
            return false;
        }
        // Reject unused low bits that are not zero: re-encoding must give the same text.
        return Encode(data).AsSpan().SequenceEqual(text);
    }

    /// <exception cref="SigningException">The text is not unpadded base64url.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var data) ? data
            : throw new SigningException(SigningError.InvalidEncoding,
                "The text is not base64url without padding: it has padding, a character outside the URL-safe alphabet, or a truncated final group.");
}
