using System.Diagnostics.CodeAnalysis;
using Transcripts.Signing.Interop;

namespace Transcripts.Signing.Keys;

/// <summary>An Ed25519 public key (RFC 8032 §5.1.5): exactly <see cref="Size"/> bytes.</summary>
public sealed class Ed25519PublicKey : PublicKey
{
    /// <summary>Bytes in the key.</summary>
    public const int Size = Ed25519.PublicKeySize;
    private readonly byte[] _bytes;

    private Ed25519PublicKey(byte[] bytes) => _bytes = bytes;

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
    /// <exception cref="SigningException">libsodium is not installed.</exception>
    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519.SignatureSize && Libsodium.VerifyDetached(signature, message, _bytes);
}
