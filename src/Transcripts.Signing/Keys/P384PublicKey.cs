using System.Diagnostics.CodeAnalysis;

namespace Transcripts.Signing.Keys;

/// <summary>A P-384 public key, held in compressed form (<see cref="Size"/> bytes, SEC 1 §2.3.3).</summary>
public sealed class P384PublicKey : PublicKey
{
    /// <summary>Bytes in the compressed key.</summary>
    public const int Size = P384.PublicKeySize;
    private readonly EcPublicKeyCore _core;

    private P384PublicKey(EcPublicKeyCore core) => _core = core;

    /// <inheritdoc/>
    public override KeyType Type => KeyType.P384;

    /// <inheritdoc/>
    public override ReadOnlySpan<byte> Bytes => _core.Compressed;

    /// <summary>Reads a compressed point; fails for a wrong length, prefix, or a point not on the curve.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> compressed, [NotNullWhen(true)] out P384PublicKey? key)
    {
        var core = EcPublicKeyCore.TryFromCompressed(EcCurve.P384, compressed);
        key = core is null ? null : new P384PublicKey(core);
        return key is not null;
    }

    /// <summary>Reads a compressed point.</summary>
    /// <exception cref="SigningException">The length is wrong (<see cref="SigningError.KeyLength"/>) or the point is not on the curve (<see cref="SigningError.InvalidKey"/>).</exception>
    public static P384PublicKey FromBytes(ReadOnlySpan<byte> compressed) => new(EcPublicKeyCore.FromCompressed(EcCurve.P384, compressed));

    internal static P384PublicKey FromCore(EcPublicKeyCore core) => new(core);

    /// <summary>Checks an IEEE P1363 (r ‖ s) signature over SHA-384(<paramref name="message"/>).</summary>
    /// <returns><see langword="false"/> for a wrong signature, including one of the wrong length.</returns>
    public override bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) => _core.Verify(message, signature);
}
