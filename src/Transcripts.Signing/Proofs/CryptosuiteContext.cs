using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs;

/// <summary>
/// What a cryptosuite's canonicalization may need besides the JSON: the limits, and for the RDFC suites
/// the JSON-LD document loader (the pinned context store). The JCS suites ignore the loader.
/// </summary>
/// <param name="Limits">Bounds on the work canonicalization may do.</param>
/// <param name="DocumentLoader">Loads JSON-LD contexts; <see langword="null"/> when the caller gave none (the pinned store is used).</param>
/// <param name="KeyType">The type of the key that signs or verifies; ecdsa-rdfc-2019 canonicalizes with SHA-384 for P-384.</param>
internal sealed record CryptosuiteContext(Limits Limits, IDocumentLoader? DocumentLoader, KeyType KeyType = KeyType.Ed25519);
