using System.Buffers.Binary;

namespace Transcripts.Signing.Keys;

/// <summary>
/// A public key of one of the supported <see cref="KeyType"/>s. Proof code verifies through this type;
/// the concrete classes are <see cref="Ed25519PublicKey"/>, <see cref="P256PublicKey"/> and <see cref="P384PublicKey"/>.
/// </summary>
public abstract class PublicKey : IEquatable<PublicKey>
{
    private protected PublicKey()
    {
    }

    /// <summary>The algorithm of this key.</summary>
    public abstract KeyType Type { get; }

    /// <summary>The key as Multikey encodes it (32 bytes for Ed25519, the compressed point for ECDSA).</summary>
    public abstract ReadOnlySpan<byte> Bytes { get; }

    /// <summary>Checks a signature over <paramref name="message"/>.</summary>
    /// <returns><see langword="false"/> for a wrong signature, including one of the wrong length.</returns>
    public abstract bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>The key as a Multikey <c>publicKeyMultibase</c> value (<c>z6Mk…</c>, <c>zDn…</c>, <c>z82…</c>).</summary>
    public override string ToString() => Multikey.Encode(this);

    /// <inheritdoc/>
    public bool Equals(PublicKey? other) => other is not null && other.Type == Type && other.Bytes.SequenceEqual(Bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    /// <inheritdoc/>
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(Bytes[^4..]);
}
