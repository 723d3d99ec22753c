namespace Transcripts.Signing;

/// <summary>
/// Stable codes for malformed or unacceptable input. Programs branch on the code; people read the
/// message of the <see cref="SigningException"/> that carries it. Codes are never renumbered.
/// </summary>
public enum SigningError
{
    /// <summary>The input is not well-formed JSON.</summary>
    InvalidJson = 1,
    /// <summary>The input is larger than <see cref="Limits.MaxDocumentBytes"/>.</summary>
    DocumentTooLarge = 2,
    /// <summary>The input nests deeper than <see cref="Limits.MaxDepth"/>.</summary>
    DocumentTooDeep = 3,
    /// <summary>The input has more values than <see cref="Limits.MaxNodes"/>.</summary>
    DocumentTooComplex = 4,

    /// <summary>A multibase string is empty, has an unsupported prefix or an invalid character.</summary>
    InvalidMultibase = 10,
    /// <summary>A base58btc or base64url string has an invalid character or padding.</summary>
    InvalidEncoding = 11,
    /// <summary>A Multikey has an unknown or unexpected multicodec prefix.</summary>
    UnsupportedMulticodec = 12,
    /// <summary>A key has the wrong number of bytes.</summary>
    KeyLength = 13,
    /// <summary>A key's bytes do not encode a valid key (for example a P-256 point not on the curve).</summary>
    InvalidKey = 14,
    /// <summary>A signature has the wrong number of bytes.</summary>
    SignatureLength = 15,
    /// <summary>A DID or DID URL is malformed or uses an unsupported method.</summary>
    InvalidDid = 16,
    /// <summary>A verification method could not be resolved to a public key.</summary>
    UnresolvableVerificationMethod = 17,
    /// <summary>No longer raised: Ed25519 runs on the libsodium that NSec.Cryptography ships. Kept so codes stay stable.</summary>
    CryptoLibraryUnavailable = 18,

    /// <summary>A proof is missing a required property or has one of the wrong type.</summary>
    InvalidProof = 30,
    /// <summary>A proof names a cryptosuite or proof type this library does not implement.</summary>
    UnsupportedCryptosuite = 31,
    /// <summary>The document to sign or verify is not acceptable (for example it already has a proof where none may be).</summary>
    InvalidDocument = 32,
    /// <summary>A JSON number cannot be represented in canonical form (NaN, infinity or out of range).</summary>
    UnsupportedNumber = 33,
    /// <summary>A key's type does not match what the cryptosuite signs with (for example a P-256 key for eddsa-jcs-2022).</summary>
    KeyTypeMismatch = 34,

    /// <summary>A JSON-LD document references a context that is not pinned in this library.</summary>
    UnknownContext = 50,
    /// <summary>A pinned context document does not match its recorded SHA-256.</summary>
    ContextIntegrity = 51,
    /// <summary>A JSON-LD document violates the JSON-LD 1.1 processing rules; the message names the JSON-LD error code.</summary>
    JsonLdError = 52,
    /// <summary>A JSON-LD term is not defined by the active context, so it would be dropped silently.</summary>
    UndefinedTerm = 53,
    /// <summary>An IRI is not valid where one is required.</summary>
    InvalidIri = 54,
    /// <summary>RDFC-1.0 canonicalization exceeded its work limit (a poisoned graph).</summary>
    CanonicalizationLimit = 55,
    /// <summary>An N-Quads document could not be parsed.</summary>
    InvalidNQuads = 56,

    /// <summary>A status list is malformed: bad encoding, not GZIP, or too short.</summary>
    InvalidStatusList = 70,
    /// <summary>A status list decompresses to more than <see cref="Limits.MaxStatusListBytes"/>.</summary>
    StatusListTooLarge = 71,
    /// <summary>A status list index is outside the list.</summary>
    StatusIndexOutOfRange = 72,

    /// <summary>A transcript QR token or QR text is malformed.</summary>
    InvalidToken = 90,
    /// <summary>A transcript QR text would be too long for a QR code a phone reads from paper.</summary>
    TokenTooLong = 91,
}
