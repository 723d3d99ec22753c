using System.Security.Cryptography;
using NSec.Cryptography;

namespace Transcripts.Signing.Keys;

/// <summary>
/// An Ed25519 key pair (RFC 8032 §5.1.5). The secret key is an NSec <c>Key</c>, held in libsodium's guarded memory,
/// not exportable, and freed (zeroed) on <see cref="IDisposable.Dispose"/>.
/// </summary>
public sealed class Ed25519KeyPair : KeyPair
{
    private readonly Key _key;
    private readonly Ed25519PublicKey _publicKey;
    private bool _disposed;

    private Ed25519KeyPair(ReadOnlySpan<byte> seed)
    {
        _key = Key.Import(Ed25519.Algorithm, seed, KeyBlobFormat.RawPrivateKey);
        _publicKey = Ed25519PublicKey.FromBytes(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <inheritdoc/>
    public override PublicKey PublicKey => _publicKey;

    /// <summary>The public key as its precise type.</summary>
    public Ed25519PublicKey Ed25519PublicKey => _publicKey;

    /// <summary>Derives the key pair from a 32-byte seed (the RFC 8032 private key).</summary>
    /// <exception cref="SigningException">The seed is not 32 bytes (<see cref="SigningError.KeyLength"/>).</exception>
    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed) =>
        seed.Length == Ed25519.SeedSize ? new Ed25519KeyPair(seed)
            : throw new SigningException(SigningError.KeyLength, $"An Ed25519 seed has {Ed25519.SeedSize} bytes; this one has {seed.Length}.");

    /// <summary>Creates a key pair from a fresh random seed.</summary>
    public static Ed25519KeyPair Generate()
    {
        Span<byte> seed = stackalloc byte[Ed25519.SeedSize];
        RandomNumberGenerator.Fill(seed);
        try
        {
            return new Ed25519KeyPair(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <inheritdoc/>
    public override byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Algorithm.Sign(_key, message, signature);
        return signature;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _key.Dispose();
            _disposed = true;
        }
    }
}
