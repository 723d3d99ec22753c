namespace Transcripts.Signing.Keys;

/// <summary>
/// A P-256 key pair signing with ECDSA over SHA-256, giving IEEE P1363 (r ‖ s) signatures of
/// <see cref="P256.SignatureSize"/> bytes. Signatures are randomized, so they differ on every call.
/// </summary>
public sealed class P256KeyPair : KeyPair
{
    private readonly EcKeyPairCore _core;
    private readonly P256PublicKey _publicKey;

    private P256KeyPair(EcKeyPairCore core)
    {
        _core = core;
        _publicKey = P256PublicKey.FromCore(core.PublicKey);
    }

    /// <inheritdoc/>
    public override PublicKey PublicKey => _publicKey;

    /// <summary>Imports a 32-byte big-endian private scalar; the public key is derived from it.</summary>
    /// <exception cref="SigningException">The scalar has the wrong length or is out of range.</exception>
    public static P256KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey) => new(EcKeyPairCore.FromPrivateKey(EcCurve.P256, privateKey));

    /// <summary>Creates a fresh random key pair.</summary>
    public static P256KeyPair Generate() => new(EcKeyPairCore.Generate(EcCurve.P256));

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
