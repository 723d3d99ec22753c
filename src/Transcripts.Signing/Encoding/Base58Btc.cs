// Base58 with the Bitcoin alphabet (draft-msporny-base58-03; multibase prefix 'z').
// Leading zero bytes map to leading '1' characters. Quadratic in the input length, which is fine for
// keys and signatures; callers bound the input (multibase strings come from documents within Limits).
namespace Transcripts.Signing.Encoding;

internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] s_values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }
        // log(256) / log(58) ≈ 1.366
        var digits = new byte[(data.Length - zeros) * 138 / 100 + 1];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (var j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++)
        {
            chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        }
        return new string(chars);
    }

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }
        // log(58) / log(256) ≈ 0.733
        var bytes = new byte[(text.Length - zeros) * 733 / 1000 + 1];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var carry = c < 128 ? s_values[c] : -1;
            if (carry < 0)
            {
                return false;
            }
            for (var j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)(carry & 0xff);
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)(carry & 0xff);
                carry >>= 8;
            }
        }
        data = new byte[zeros + length];
        for (var i = 0; i < length; i++)
        {
            data[zeros + i] = bytes[length - 1 - i];
        }
        // The value may be a secret key (secretKeyMultibase): leave no copy behind.
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        return true;
    }

    /// <exception cref="SigningException">The text has a character outside the base58btc alphabet.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text) =>
        TryDecode(text, out var data) ? data
            : throw new SigningException(SigningError.InvalidEncoding, "The text is not base58btc: it has a character outside the Bitcoin alphabet.");

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        values.AsSpan().Fill(-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }
        return values;
    }
}
