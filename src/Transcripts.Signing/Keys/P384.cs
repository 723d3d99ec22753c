// ECDSA on NIST P-384 with SHA-384 (FIPS 186-5 §6; curve from SP 800-186 §3.2.1): 48-byte private scalars,
// 49-byte compressed public keys (SEC 1 §2.3.3, the Multikey form), 96-byte IEEE P1363 r‖s signatures.
namespace Transcripts.Signing.Keys;

/// <summary>Sizes of ECDSA on P-384 with SHA-384.</summary>
public static class P384
{
    /// <summary>Bytes in a private scalar.</summary>
    public const int PrivateKeySize = 48;
    /// <summary>Bytes in a compressed public key.</summary>
    public const int PublicKeySize = 49;
    /// <summary>Bytes in an IEEE P1363 signature (r ‖ s).</summary>
    public const int SignatureSize = 96;
}
