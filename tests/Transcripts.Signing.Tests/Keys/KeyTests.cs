using System.Security.Cryptography;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Tests.Keys;

public sealed class KeyTests
{
    // RFC 8032 §7.1 TEST 1.
    private const string Rfc8032Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Rfc8032Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Rfc8032Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    [Fact]
    public void Ed25519_reproduces_RFC_8032_test_1()
    {
        using var pair = Ed25519KeyPair.FromSeed(Convert.FromHexString(Rfc8032Seed));

        Assert.Equal(Rfc8032Public, Convert.ToHexStringLower(pair.PublicKey.Bytes));
        Assert.Equal(Rfc8032Signature, Convert.ToHexStringLower(pair.Sign([])));
        Assert.True(pair.PublicKey.Verify([], Convert.FromHexString(Rfc8032Signature)));
    }

    [Fact]
    public void Ed25519_verify_fails_for_a_changed_message_or_signature()
    {
        using var pair = Ed25519KeyPair.Generate();
        var message = RandomNumberGenerator.GetBytes(32);
        var signature = pair.Sign(message);

        Assert.True(pair.PublicKey.Verify(message, signature));
        message[0] ^= 1;
        Assert.False(pair.PublicKey.Verify(message, signature));
        message[0] ^= 1;
        signature[10] ^= 1;
        Assert.False(pair.PublicKey.Verify(message, signature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public void Verify_returns_false_for_wrong_signature_length(int length)
    {
        using var ed = Ed25519KeyPair.Generate();
        using var p256 = P256KeyPair.Generate();

        Assert.False(ed.PublicKey.Verify([1, 2, 3], new byte[length]));
        Assert.False(p256.PublicKey.Verify([1, 2, 3], new byte[length]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Ed25519_rejects_wrong_key_length(int length)
    {
        Assert.Equal(SigningError.KeyLength, Assert.Throws<SigningException>(() => Ed25519PublicKey.FromBytes(new byte[length])).Error);
        Assert.Equal(SigningError.KeyLength, Assert.Throws<SigningException>(() => Ed25519KeyPair.FromSeed(new byte[length])).Error);
        Assert.False(Ed25519PublicKey.TryFromBytes(new byte[length], out _));
    }

    [Fact]
    public void Key_pair_ToString_reveals_no_secret()
    {
        using var pair = Ed25519KeyPair.FromSeed(Convert.FromHexString(Rfc8032Seed));

        Assert.DoesNotContain(Rfc8032Seed, pair.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("9d61b1", pair.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ed25519", pair.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Disposed_key_pair_refuses_to_sign()
    {
        var pair = Ed25519KeyPair.Generate();
        pair.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pair.Sign([1]));
    }

    [Theory]
    [InlineData(KeyType.P256)]
    [InlineData(KeyType.P384)]
    public void Ecdsa_compressed_key_decompresses_to_the_same_point_and_verifies(KeyType type)
    {
        using var ecdsa = ECDsa.Create(type == KeyType.P256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384);
        var q = ecdsa.ExportParameters(false).Q;
        var curve = EcCurve.For(type);
        var compressed = curve.Compress(q);
        var message = RandomNumberGenerator.GetBytes(40);
        var signature = ecdsa.SignData(message, curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var point = curve.Decompress(compressed)!.Value;
        PublicKey key = type == KeyType.P256 ? P256PublicKey.FromBytes(compressed) : P384PublicKey.FromBytes(compressed);

        Assert.Equal(q.Y, point.Y);
        Assert.True(key.Verify(message, signature));
        Assert.Equal(curve.SignatureSize, signature.Length);
    }

    [Fact]
    public void P256_rejects_a_point_not_on_the_curve()
    {
        // x = 5: 125 − 15 + b is not a square mod p for P-256 (checked by the rejection itself: no y exists).
        var bad = new byte[33];
        bad[0] = 0x02;
        for (var x = 1; x < 50; x++)
        {
            bad[32] = (byte)x;
            if (!P256PublicKey.TryFromBytes(bad, out _))
            {
                var e = Assert.Throws<SigningException>(() => P256PublicKey.FromBytes(bad));
                Assert.Equal(SigningError.InvalidKey, e.Error);
                return;
            }
        }
        Assert.Fail("Every small x was on the curve, which cannot happen for about half of all x.");
    }

    [Theory]
    [InlineData(32)]
    [InlineData(34)]
    [InlineData(65)]
    public void P256_rejects_wrong_key_length(int length)
    {
        var e = Assert.Throws<SigningException>(() => P256PublicKey.FromBytes(new byte[length]));

        Assert.Equal(SigningError.KeyLength, e.Error);
    }

    [Fact]
    public void P256_rejects_an_uncompressed_prefix()
    {
        var bytes = new byte[33];
        bytes[0] = 0x04;

        Assert.Equal(SigningError.InvalidKey, Assert.Throws<SigningException>(() => P256PublicKey.FromBytes(bytes)).Error);
    }

    [Fact]
    public void P256_key_pair_signs_with_64_byte_P1363_signatures_that_verify()
    {
        using var pair = P256KeyPair.Generate();
        byte[] message = [1, 2, 3];

        var signature = pair.Sign(message);

        Assert.Equal(P256.SignatureSize, signature.Length);
        Assert.True(pair.PublicKey.Verify(message, signature));
        Assert.Equal(P256.PublicKeySize, pair.PublicKey.Bytes.Length);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void P256_private_key_of_wrong_length_is_rejected(int length)
    {
        Assert.Equal(SigningError.KeyLength, Assert.Throws<SigningException>(() => P256KeyPair.FromPrivateKey(new byte[length])).Error);
    }

    [Fact]
    public void Public_keys_compare_by_type_and_bytes()
    {
        using var a = Ed25519KeyPair.FromSeed(new byte[32]);
        using var b = Ed25519KeyPair.FromSeed(new byte[32]);

        Assert.Equal(a.PublicKey, b.PublicKey);
        Assert.Equal(a.PublicKey.GetHashCode(), b.PublicKey.GetHashCode());
        Assert.StartsWith("z6Mk", a.PublicKey.ToString(), StringComparison.Ordinal);
    }
}
