// Short-Weierstrass NIST curves y² = x³ − 3x + b over GF(p) (FIPS 186-5, SEC 1 v2 §2.3.3–2.3.4).
// Point compression keeps x and the parity of y (prefix 0x02 even, 0x03 odd). Decompression solves for
// y as (x³ − 3x + b)^((p+1)/4) mod p, valid because p ≡ 3 (mod 4) for P-256 and P-384, then checks the
// square, so a point not on the curve is rejected. The BCL (OpenSSL) does the ECDSA arithmetic.
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace Transcripts.Signing.Keys;

internal sealed class EcCurve
{
    public static readonly EcCurve P256 = new(
        KeyType.P256, "P-256", 32, ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256,
        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");

    public static readonly EcCurve P384 = new(
        KeyType.P384, "P-384", 48, ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384,
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef");

    private readonly BigInteger _p;
    private readonly BigInteger _b;
    private readonly BigInteger _sqrtExponent;

    private EcCurve(KeyType type, string name, int fieldSize, ECCurve curve, HashAlgorithmName hash, string pHex, string bHex)
    {
        Type = type;
        Name = name;
        FieldSize = fieldSize;
        Curve = curve;
        Hash = hash;
        _p = BigInteger.Parse("0" + pHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _b = BigInteger.Parse("0" + bHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _sqrtExponent = (_p + 1) / 4;
    }

    public KeyType Type { get; }
    public string Name { get; }
    public int FieldSize { get; }
    public ECCurve Curve { get; }
    public HashAlgorithmName Hash { get; }
    public int CompressedSize => FieldSize + 1;
    public int SignatureSize => 2 * FieldSize;

    public static EcCurve For(KeyType type) => type switch
    {
        KeyType.P256 => P256,
        KeyType.P384 => P384,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an ECDSA curve."),
    };

    /// <summary>Returns the uncompressed point for a compressed one, or null when it is not on the curve.</summary>
    public ECPoint? Decompress(ReadOnlySpan<byte> compressed)
    {
        if (compressed.Length != CompressedSize || (compressed[0] != 0x02 && compressed[0] != 0x03))
        {
            return null;
        }
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        if (x >= _p)
        {
            return null;
        }
        var rhs = Mod((x * x * x) - (3 * x) + _b);
        var y = BigInteger.ModPow(rhs, _sqrtExponent, _p);
        if (Mod(y * y) != rhs)
        {
            return null;
        }
        if ((y.IsEven ? 0x02 : 0x03) != compressed[0])
        {
            if (y.IsZero)
            {
                return null;
            }
            y = _p - y;
        }
        return new ECPoint { X = compressed[1..].ToArray(), Y = ToFixed(y) };
    }

    public byte[] Compress(ECPoint q)
    {
        var compressed = new byte[CompressedSize];
        compressed[0] = (byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03);
        q.X!.CopyTo(compressed, 1 + FieldSize - q.X!.Length);
        return compressed;
    }

    private BigInteger Mod(BigInteger value)
    {
        var r = BigInteger.Remainder(value, _p);
        return r.Sign < 0 ? r + _p : r;
    }

    private byte[] ToFixed(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length == FieldSize)
        {
            return bytes;
        }
        var padded = new byte[FieldSize];
        bytes.CopyTo(padded, FieldSize - bytes.Length);
        return padded;
    }
}
