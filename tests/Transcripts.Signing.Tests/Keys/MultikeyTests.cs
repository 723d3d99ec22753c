using Transcripts.Signing.Encoding;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Tests.Keys;

public sealed class MultikeyTests
{
    [Fact]
    public void Ed25519_key_encodes_with_prefix_ed01_as_z6Mk()
    {
        using var pair = Ed25519KeyPair.Generate();

        var text = Multikey.Encode(pair.PublicKey);

        Assert.StartsWith("z6Mk", text, StringComparison.Ordinal);
        Assert.Equal([0xed, 0x01], Multibase.Decode(text)[..2]);
        Assert.Equal(pair.PublicKey, Multikey.Decode(text));
    }

    [Fact]
    public void P256_key_encodes_with_prefix_8024_as_zDn()
    {
        using var pair = P256KeyPair.Generate();

        var text = Multikey.Encode(pair.PublicKey);

        Assert.StartsWith("zDn", text, StringComparison.Ordinal);
        Assert.Equal([0x80, 0x24], Multibase.Decode(text)[..2]);
        Assert.Equal(pair.PublicKey, Multikey.Decode(text));
    }

    [Fact]
    public void P384_key_encodes_with_prefix_8124_as_z82()
    {
        using var pair = P384KeyPair.Generate();

        var text = Multikey.Encode(pair.PublicKey);

        Assert.StartsWith("z82", text, StringComparison.Ordinal);
        Assert.Equal(pair.PublicKey, Multikey.Decode(text));
    }

    [Fact]
    public void Decode_rejects_wrong_multicodec_prefix()
    {
        // 0xe7 0x01 = secp256k1-pub, with a 33-byte key.
        var text = Multibase.EncodeBase58Btc([0xe7, 0x01, .. new byte[33]]);

        var e = Assert.Throws<SigningException>(() => Multikey.Decode(text));

        Assert.Equal(SigningError.UnsupportedMulticodec, e.Error);
        Assert.Contains("secp256k1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_rejects_a_secret_key_where_a_public_key_is_expected()
    {
        var text = Multibase.EncodeBase58Btc(Multikey.Prefix(Multikey.Ed25519Secret, new byte[32]));

        Assert.Equal(SigningError.UnsupportedMulticodec, Assert.Throws<SigningException>(() => Multikey.Decode(text)).Error);
    }

    [Fact]
    public void Decode_rejects_wrong_key_length()
    {
        var text = Multibase.EncodeBase58Btc([0xed, 0x01, .. new byte[31]]);

        Assert.Equal(SigningError.KeyLength, Assert.Throws<SigningException>(() => Multikey.Decode(text)).Error);
    }

    [Theory]
    [InlineData("u7QE")]
    [InlineData("6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")]
    [InlineData("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0")]
    public void Decode_rejects_malformed_multibase(string text)
    {
        Assert.Equal(SigningError.InvalidMultibase, Assert.Throws<SigningException>(() => Multikey.Decode(text)).Error);
        Assert.False(Multikey.TryDecode(text, out _));
    }

    [Fact]
    public void Decode_rejects_a_truncated_varint()
    {
        var text = Multibase.EncodeBase58Btc([0x80]);

        Assert.Equal(SigningError.UnsupportedMulticodec, Assert.Throws<SigningException>(() => Multikey.Decode(text)).Error);
    }

    [Fact]
    public void DecodeSecretKey_reads_ed25519_priv_0x8026_and_p256_priv_0x8626()
    {
        using var ed = Ed25519KeyPair.FromSeed(new byte[32]);
        var edSecret = Multibase.EncodeBase58Btc(Multikey.Prefix(Multikey.Ed25519Secret, new byte[32]));
        var p256Scalar = Convert.FromHexString("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721");
        var p256Secret = Multibase.EncodeBase58Btc(Multikey.Prefix(Multikey.P256Secret, p256Scalar));

        using var edPair = Multikey.DecodeSecretKey(edSecret);
        using var p256Pair = Multikey.DecodeSecretKey(p256Secret);

        Assert.StartsWith("z3u2", edSecret, StringComparison.Ordinal);
        Assert.Equal(ed.PublicKey, edPair.PublicKey);
        Assert.Equal(KeyType.P256, p256Pair.Type);
        // RFC 6979 A.2.5 key: Ux = 60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6, Uy odd-or-even decides 02/03.
        Assert.Equal("60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
            Convert.ToHexStringLower(p256Pair.PublicKey.Bytes[1..]));
    }
}
