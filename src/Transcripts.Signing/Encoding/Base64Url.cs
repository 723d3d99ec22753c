// base64url without padding (RFC 4648 §5; multibase prefix 'u'), through the framework's
// System.Buffers.Text.Base64Url. That decoder is lenient where this one must not be: it accepts padding and
// skips whitespace, and it ignores non-zero unused trailing bits. Here padding, whitespace, characters of the
// standard alphabet ('+', '/') and non-canonical trailing bits are all rejected, so one byte string has
// exactly one text form.
using System.Buffers;

namespace Transcripts.Signing.Encoding;

internal static class Base64Url
{
    private static readonly SearchValues<char> s_alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Encode(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.ContainsAnyExcept(s_alphabet) || !System.Buffers.Text.Base64Url.IsValid(text))
        {
            return false;
        }
        var decoded = System.Buffers.Text.Base64Url.DecodeFromChars(text);
        // Reject unused low bits that are not zero: re-encoding must give the same text.
        if (!Encode(decoded).AsSpan().SequenceEqual(text))
        {
            return false;
        }
        data = decoded;
        return true;
    }

    /// <exception cref="SigningException">The text is not unpadded base64url.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var data) ? data
            : throw new SigningException(SigningError.InvalidEncoding,
                "The text is not base64url without padding: it has padding, a character outside the URL-safe alphabet, or a truncated final group.");
}
