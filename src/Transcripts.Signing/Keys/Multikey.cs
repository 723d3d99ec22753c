// Multikey (W3C Controlled Identifiers 1.0 §2.2.2): publicKeyMultibase / secretKeyMultibase are
// multibase base58btc ('z') of an unsigned-varint multicodec prefix followed by the raw key.
// Prefixes (multicodec table, varint bytes in brackets):
//   ed25519-pub 0xed [ed 01] 32 bytes   p256-pub 0x1200 [80 24] 33 bytes   p384-pub 0x1201 [81 24] 49 bytes
//   ed25519-priv 0x1300 [80 26] 32 bytes (the seed)   p256-priv 0x1306 [86 26] 32   p384-priv 0x1307 [87 26] 48
// Other multicodecs (secp256k1, X25519, BLS12-381, RSA, …) are recognised by name and rejected.
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Transcripts.Signing.Encoding;

namespace Transcripts.Signing.Keys;

/// <summary>Encodes and decodes keys in the Multikey format (<c>publicKeyMultibase</c>, <c>secretKeyMultibase</c>).</summary>
public static class Multikey
{
    internal const ulong Ed25519Public = 0xed;
    internal const ulong P256Public = 0x1200;
    internal const ulong P384Public = 0x1201;
    internal const ulong Ed25519Secret = 0x1300;
    internal const ulong P256Secret = 0x1306;
    internal const ulong P384Secret = 0x1307;

    /// <summary>The <c>publicKeyMultibase</c> of <paramref name="key"/>.</summary>
    public static string Encode(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var codec = key.Type switch
        {
            KeyType.Ed25519 => Ed25519Public,
            KeyType.P256 => P256Public,
            _ => P384Public,
        };
        return Multibase.EncodeBase58Btc(Prefix(codec, key.Bytes));
    }

    /// <summary>Decodes a <c>publicKeyMultibase</c> value.</summary>
    /// <exception cref="SigningException">
    /// The value is not base58btc multibase (<see cref="SigningError.InvalidMultibase"/>), names another key type
    /// (<see cref="SigningError.UnsupportedMulticodec"/>), or has a key of the wrong length or off the curve.
    /// </exception>
    public static PublicKey Decode(string publicKeyMultibase)
    {
        var bytes = Multibase.Decode(publicKeyMultibase, Multibase.Base58BtcPrefix);
        var (codec, key) = SplitPrefix(bytes);
        return codec switch
        {
            Ed25519Public => Ed25519PublicKey.FromBytes(key),
            P256Public => P256PublicKey.FromBytes(key),
            P384Public => P384PublicKey.FromBytes(key),
            Ed25519Secret or P256Secret or P384Secret => throw new SigningException(SigningError.UnsupportedMulticodec,
                $"The value is a {Name(codec)}, where a public key was expected."),
            _ => throw Unsupported(codec),
        };
    }

    /// <summary>Decodes a <c>publicKeyMultibase</c> value; <see langword="false"/> when <see cref="Decode"/> would throw.</summary>
    public static bool TryDecode(string? publicKeyMultibase, [NotNullWhen(true)] out PublicKey? key)
    {
        try
        {
            key = publicKeyMultibase is null ? null : Decode(publicKeyMultibase);
        }
        catch (SigningException)
        {
            key = null;
        }
        return key is not null;
    }

    /// <summary>Decodes a <c>secretKeyMultibase</c> (or legacy <c>privateKeyMultibase</c>) value into a key pair.</summary>
    /// <exception cref="SigningException">The value is malformed, names an unsupported multicodec, or has the wrong length.</exception>
    public static KeyPair DecodeSecretKey(string secretKeyMultibase)
    {
        var bytes = Multibase.Decode(secretKeyMultibase, Multibase.Base58BtcPrefix);
        try
        {
            var (codec, key) = SplitPrefix(bytes);
            return codec switch
            {
                Ed25519Secret => Ed25519KeyPair.FromSeed(key),
                P256Secret => P256KeyPair.FromPrivateKey(key),
                P384Secret => P384KeyPair.FromPrivateKey(key),
                Ed25519Public or P256Public or P384Public => throw new SigningException(SigningError.UnsupportedMulticodec,
                    $"The value is a {Name(codec)}, where a secret key was expected."),
                _ => throw Unsupported(codec),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    internal static byte[] Prefix(ulong codec, ReadOnlySpan<byte> key)
    {
        Span<byte> varint = stackalloc byte[10];
        var length = 0;
        do
        {
            var b = (byte)(codec & 0x7f);
            codec >>= 7;
            varint[length++] = codec == 0 ? b : (byte)(b | 0x80);
        }
        while (codec != 0);
        var result = new byte[length + key.Length];
        varint[..length].CopyTo(result);
        key.CopyTo(result.AsSpan(length));
        return result;
    }

    private static (ulong Codec, byte[] Key) SplitPrefix(byte[] bytes)
    {
        ulong codec = 0;
        for (var i = 0; i < bytes.Length && i < 9; i++)
        {
            codec |= (ulong)(bytes[i] & 0x7f) << (7 * i);
            if ((bytes[i] & 0x80) == 0)
            {
                return (codec, bytes[(i + 1)..]);
            }
        }
        throw new SigningException(SigningError.UnsupportedMulticodec, "The Multikey value does not start with a valid multicodec varint.");
    }

    private static SigningException Unsupported(ulong codec) => new(SigningError.UnsupportedMulticodec,
        $"The key is a {Name(codec)}; only Ed25519, P-256 and P-384 keys are supported.");

    private static string Name(ulong codec) => codec switch
    {
        Ed25519Public => "Ed25519 public key (multicodec 0xed)",
        P256Public => "P-256 public key (multicodec 0x1200)",
        P384Public => "P-384 public key (multicodec 0x1201)",
        Ed25519Secret => "Ed25519 secret key (multicodec 0x1300)",
        P256Secret => "P-256 secret key (multicodec 0x1306)",
        P384Secret => "P-384 secret key (multicodec 0x1307)",
        0xe7 => "secp256k1 public key (multicodec 0xe7)",
        0xec => "X25519 public key (multicodec 0xec)",
        0xea => "BLS12-381 G1 public key (multicodec 0xea)",
        0xeb => "BLS12-381 G2 public key (multicodec 0xeb)",
        0xee => "BLS12-381 G1+G2 public key (multicodec 0xee)",
        0x1202 => "P-521 public key (multicodec 0x1202)",
        0x1205 => "RSA public key (multicodec 0x1205)",
        _ => $"key of unknown multicodec 0x{codec:x}",
    };
}
