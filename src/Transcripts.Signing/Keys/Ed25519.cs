// Ed25519 (RFC 8032 §5.1): 32-byte seeds and public keys, 64-byte signatures, computed by libsodium.
namespace Transcripts.Signing.Keys;

/// <summary>Sizes of Ed25519 (RFC 8032 §5.1).</summary>
public static class Ed25519
{
    /// <summary>Bytes in a private key seed.</summary>
    public const int SeedSize = 32;
    /// <summary>Bytes in a public key.</summary>
    public const int PublicKeySize = 32;
    /// <summary>Bytes in a signature.</summary>
    public const int SignatureSize = 64;
    // libsodium's secret key is seed ‖ public key.
    internal const int LibsodiumSecretKeySize = 64;
}
