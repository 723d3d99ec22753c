namespace Transcripts.Signing.Keys;

/// <summary>
/// A P-384 key pair signing with ECDSA over SHA-384, giving IEEE P1363 (r ‖ s) signatures of
/// <see cref="P384.SignatureSize"/> bytes. Signatures are randomized, so they differ on every call.
/// </summary>
public sealed class P384KeyPair : KeyPair
{
    private readonly EcKeyPairCore _core;
    private readonly P384PublicKey _publicKey;

    private P384KeyPair(EcKeyPairCore core)
    {
        _core = core;
        _publicKey = P384PublicKey.FromCore(core.PublicKey);
    }

    /// <inheritdoc/>
    public override PublicKey PublicKey => _publicKey;

    /// <summary>Imports a 48-byte big-endian private scalar; the public key is derived from it.</summary>
    /// <exception cref="SigningException">The scalar has the wrong length or is out of range.</exception>
    public static P384KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey) => new(EcKeyPairCore.FromPrivateKey(EcCurve.P384, privateKey));

    /// <summary>Creates a fresh random key pair.</summary>
    public static P384KeyPair Generate() => new(EcKeyPairCore.Generate(EcCurve.P384));

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> message) => _core.Sign(message, this);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }
    }
}
