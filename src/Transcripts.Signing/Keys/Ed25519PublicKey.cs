using System.Diagnostics.CodeAnalysis;

namespace Transcripts.Signing.Keys;

/// <summary>An Ed25519 public key (RFC 8032 §5.1.5): exactly <see cref="Size"/> bytes.</summary>
public sealed class Ed25519PublicKey : PublicKey
{
    /// <summary>Bytes in the key.</summary>
    public const int Size = Ed25519.PublicKeySize;
    private readonly byte[] _bytes;
    // NSec accepts any 32 bytes as a raw Ed25519 public key; null only if a later NSec refuses some, and then no
    // signature verifies with it.
    private readonly NSec.Cryptography.PublicKey? _key;

    private Ed25519PublicKey(byte[] bytes)
    {
        _bytes = bytes;
        NSec.Cryptography.PublicKey.TryImport(Ed25519.Algorithm, bytes, NSec.Cryptography.KeyBlobFormat.RawPublicKey, out _key);
    }

    /// <inheritdoc/>
    public override KeyType Type => KeyType.Ed25519;

    /// <inheritdoc/>
    public override ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Wraps 32 key bytes.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Ed25519PublicKey? key)
    {
        key = bytes.Length == Size ? new Ed25519PublicKey(bytes.ToArray()) : null;
        return key is not null;
    }

    /// <summary>Wraps 32 key bytes.</summary>
    /// <exception cref="SigningException">The input is not 32 bytes (<see cref="SigningError.KeyLength"/>).</exception>
    public static Ed25519PublicKey FromBytes(ReadOnlySpan<byte> bytes) =>
        TryFromBytes(bytes, out var key) ? key
            : throw new SigningException(SigningError.KeyLength, $"An Ed25519 public key has {Size} bytes; this one has {bytes.Length}.");

    /// <inheritdoc/>
    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519.SignatureSize && _key is not null && Ed25519.Algorithm.Verify(_key, message, signature);
}
