using System.Security.Cryptography;

namespace Transcripts.Signing.Keys;

// The shared part of P256KeyPair and P384KeyPair: an OpenSSL-backed ECDsa that owns the private scalar.
// Exported copies of the scalar are zeroed as soon as they are imported.
internal sealed class EcKeyPairCore : IDisposable
{
    private readonly ECDsa _ecdsa;
    private bool _disposed;

    private EcKeyPairCore(EcCurve curve, ECDsa ecdsa)
    {
        Curve = curve;
        _ecdsa = ecdsa;
        PublicKey = EcPublicKeyCore.FromPoint(curve, ecdsa.ExportParameters(false).Q);
    }

    public EcCurve Curve { get; }
    public EcPublicKeyCore PublicKey { get; }

    public static EcKeyPairCore Generate(EcCurve curve) => new(curve, ECDsa.Create(curve.Curve));

    public static EcKeyPairCore FromPrivateKey(EcCurve curve, ReadOnlySpan<byte> d)
    {
        if (d.Length != curve.FieldSize)
        {
            throw new SigningException(SigningError.KeyLength,
                $"A {curve.Name} private key has {curve.FieldSize} bytes; this one has {d.Length}.");
        }
        var scalar = d.ToArray();
        try
        {
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportParameters(new ECParameters { Curve = curve.Curve, D = scalar });
            }
            catch (CryptographicException e)
            {
                ecdsa.Dispose();
                throw new SigningException(SigningError.InvalidKey, $"The bytes are not a valid {curve.Name} private key.", e);
            }
            return new EcKeyPairCore(curve, ecdsa);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> message, object owner)
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        return _ecdsa.SignData(message, Curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _ecdsa.Dispose();
            _disposed = true;
        }
    }
}
