namespace Transcripts.Signing.Keys;

/// <summary>The signature algorithms a <see cref="PublicKey"/> or <see cref="KeyPair"/> can use.</summary>
public enum KeyType
{
    /// <summary>Ed25519 (RFC 8032), for the eddsa cryptosuites.</summary>
    Ed25519 = 1,
    /// <summary>ECDSA on NIST P-256 with SHA-256 (FIPS 186-5), for the ecdsa cryptosuites.</summary>
    P256 = 2,
    /// <summary>ECDSA on NIST P-384 with SHA-384 (FIPS 186-5), for the ecdsa cryptosuites.</summary>
    P384 = 3,
}
