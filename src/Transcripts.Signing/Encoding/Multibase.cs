// Multibase (draft-multiformats-multibase-08): a one-character prefix names the base.
// Supported: 'z' base58btc (Multikey, proofValue) and 'u' base64url without padding (Bitstring Status List).
// Every other prefix is rejected with InvalidMultibase.
namespace Transcripts.Signing.Encoding;

internal static class Multibase
{
    public const char Base58BtcPrefix = 'z';
    public const char Base64UrlPrefix = 'u';

    public static string EncodeBase58Btc(ReadOnlySpan<byte> data) => Base58BtcPrefix + Base58Btc.Encode(data);

    public static string EncodeBase64Url(ReadOnlySpan<byte> data) => Base64UrlPrefix + Base64Url.Encode(data);

    /// <exception cref="SigningException">The text is empty, has an unsupported prefix, or does not decode.</exception>
    public static byte[] Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 2)
        {
            throw new SigningException(SigningError.InvalidMultibase, "The multibase value is empty.");
        }
        var body = text.AsSpan(1);
        return text[0] switch
        {
            Base58BtcPrefix => Base58Btc.TryDecode(body, out var b58) ? b58
                : throw new SigningException(SigningError.InvalidMultibase,
                    "The multibase value starts with 'z' (base58btc) but has a character outside the base58btc alphabet."),
            Base64UrlPrefix => Base64Url.TryDecode(body, out var b64) ? b64
                : throw new SigningException(SigningError.InvalidMultibase,
                    "The multibase value starts with 'u' (base64url) but is not unpadded base64url."),
            _ => throw new SigningException(SigningError.InvalidMultibase,
                $"The multibase prefix '{text[0]}' is not supported; only 'z' (base58btc) and 'u' (base64url) are."),
        };
    }

    /// <summary>Decodes a value that must use <paramref name="prefix"/>.</summary>
    /// <exception cref="SigningException">The value has another prefix or does not decode.</exception>
    public static byte[] Decode(string? text, char prefix)
    {
        if (!string.IsNullOrEmpty(text) && text[0] != prefix)
        {
            throw new SigningException(SigningError.InvalidMultibase,
                $"The multibase value must start with '{prefix}' here, but starts with '{text[0]}'.");
        }
        return Decode(text);
    }
}
