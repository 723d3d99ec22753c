// eddsa-jcs-2022 (W3C vc-di-eddsa v1.0 §3.3): Ed25519 over SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document)),
// 64-byte signature as a base58btc proofValue. The proof repeats the document's @context (§3.3.1).
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs.Cryptosuites;

internal sealed class EddsaJcs2022 : Cryptosuite
{
    public override string Name => "eddsa-jcs-2022";

    public override bool ProofIncludesContext => true;

    public override bool Supports(KeyType keyType) => keyType == KeyType.Ed25519;

    public override byte[] Canonicalize(JsonObject json, CryptosuiteContext context) => Jcs.Canonicalize(json);

    public override byte[] CanonicalizeDocument(JsonObject document, JsonNode? context, JsonArray? previousProofs, CryptosuiteContext cryptosuiteContext) =>
        Jcs.CanonicalizeDocument(document, context, previousProofs);
}
