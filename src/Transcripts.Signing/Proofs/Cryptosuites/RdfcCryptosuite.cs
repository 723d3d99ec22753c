// The RDF-based cryptosuites share one transformation (vc-di-eddsa §3.2.3, vc-di-ecdsa §3.2.3): the document and
// the proof configuration are each deserialized from JSON-LD to RDF with the pinned contexts, in safe mode, and
// canonicalized with RDFC-1.0; the proof repeats no @context (the document's @context is used for the proof
// configuration, §3.2.5).
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Canonical.Rdfc10;
using Transcripts.Signing.Contexts;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs.Cryptosuites;

internal abstract class RdfcCryptosuite : Cryptosuite
{
    public override byte[] Canonicalize(JsonObject json, CryptosuiteContext context) =>
        LinkedDataCanonicalizer.CanonicalizeToUtf8(
            json, context.DocumentLoader ?? ContextStore.Default, context.Limits, CanonicalizationHash(context.KeyType));

    /// <summary>The canonical unsecured document, read from the secured one in place (no copy without its proof).</summary>
    public override byte[] CanonicalizeDocument(JsonObject document, JsonNode? context, JsonArray? previousProofs, CryptosuiteContext cryptosuiteContext) =>
        LinkedDataCanonicalizer.CanonicalizeToUtf8(new UnsecuredDocument(document, context, previousProofs),
            cryptosuiteContext.DocumentLoader ?? ContextStore.Default, cryptosuiteContext.Limits, CanonicalizationHash(cryptosuiteContext.KeyType));

    /// <summary>The hash of the canonical unsecured document, taken as its N-Quads are written (no copy, no intermediate bytes).</summary>
    public override byte[] HashDocument(JsonObject document, JsonNode? context, JsonArray? previousProofs, CryptosuiteContext cryptosuiteContext) =>
        LinkedDataCanonicalizer.HashCanonical(new UnsecuredDocument(document, context, previousProofs),
            cryptosuiteContext.DocumentLoader ?? ContextStore.Default, cryptosuiteContext.Limits,
            CanonicalizationHash(cryptosuiteContext.KeyType), HashAlgorithm(cryptosuiteContext.KeyType));

    /// <summary>The hash RDFC-1.0 uses while labelling blank nodes: SHA-256 unless the suite says otherwise.</summary>
    protected virtual Rdfc10HashAlgorithm CanonicalizationHash(KeyType keyType) => Rdfc10HashAlgorithm.Sha256;
}
