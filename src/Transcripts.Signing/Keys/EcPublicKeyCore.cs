using System.Security.Cryptography;

namespace Transcripts.Signing.Keys;

// The shared part of P256PublicKey and P384PublicKey: the compressed form and IEEE P1363 verification.
internal sealed class EcPublicKeyCore
{
    private readonly ECParameters _parameters;

    private EcPublicKeyCore(EcCurve curve, byte[] compressed, ECPoint q)
    {
        Curve = curve;
        Compressed = compressed;
        _parameters = new ECParameters { Curve = curve.Curve, Q = q };
    }

    public EcCurve Curve { get; }
    public byte[] Compressed { get; }

    public static EcPublicKeyCore? TryFromCompressed(EcCurve curve, ReadOnlySpan<byte> compressed)
    {
        var q = curve.Decompress(compressed);
        return q is null ? null : new EcPublicKeyCore(curve, compressed.ToArray(), q.Value);
    }

    public static EcPublicKeyCore FromCompressed(EcCurve curve, ReadOnlySpan<byte> compressed)
    {
        if (compressed.Length != curve.CompressedSize)
        {
            throw new SigningException(SigningError.KeyLength,
                $"A compressed {curve.Name} public key has {curve.CompressedSize} bytes; this one has {compressed.Length}.");
        }
        return TryFromCompressed(curve, compressed)
            ?? throw new SigningException(SigningError.InvalidKey,
                $"The bytes are not a compressed {curve.Name} point: the prefix is not 0x02/0x03 or the point is not on the curve.");
    }

    public static EcPublicKeyCore FromPoint(EcCurve curve, ECPoint q) => new(curve, curve.Compress(q), q);

    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Curve.SignatureSize)
        {
            return false;
        }
        using var ecdsa = ECDsa.Create(_parameters);
        return ecdsa.VerifyData(message, signature, Curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
