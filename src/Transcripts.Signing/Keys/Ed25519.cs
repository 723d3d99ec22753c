// Ed25519 (RFC 8032 §5.1): 32-byte seeds and public keys, 64-byte signatures, computed by libsodium through
// NSec.Cryptography (its libsodium package ships the native builds for Linux, Windows and macOS). NSec's types stay
// inside Keys/: the rest of Signing sees only Ed25519KeyPair and Ed25519PublicKey.
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

    internal static NSec.Cryptography.SignatureAlgorithm Algorithm => NSec.Cryptography.SignatureAlgorithm.Ed25519;
}
