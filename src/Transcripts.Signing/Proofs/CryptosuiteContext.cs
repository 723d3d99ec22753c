using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Proofs;

/// <summary>
/// What a cryptosuite's canonicalization may need besides the JSON: the limits, and for the RDFC suites
/// the JSON-LD document loader (the pinned context store). The JCS suites ignore the loader.
/// </summary>
/// <param name="Limits">Bounds on the work canonicalization may do.</param>
/// <param name="DocumentLoader">Loads JSON-LD contexts; <see langword="null"/> when the caller gave none.</param>
internal sealed record CryptosuiteContext(Limits Limits, IDocumentLoader? DocumentLoader);
