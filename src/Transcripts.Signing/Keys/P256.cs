// ECDSA on NIST P-256 with SHA-256 (FIPS 186-5 §6; curve from SP 800-186 §3.2.1): 32-byte private scalars,
// 33-byte compressed public keys (SEC 1 §2.3.3, the Multikey form), 64-byte IEEE P1363 r‖s signatures.
namespace Transcripts.Signing.Keys;

/// <summary>Sizes of ECDSA on P-256 with SHA-256.</summary>
public static class P256
{
    /// <summary>Bytes in a private scalar.</summary>
    public const int PrivateKeySize = 32;
    /// <summary>Bytes in a compressed public key.</summary>
    public const int PublicKeySize = 33;
    /// <summary>Bytes in an IEEE P1363 signature (r ‖ s).</summary>
    public const int SignatureSize = 64;
}
