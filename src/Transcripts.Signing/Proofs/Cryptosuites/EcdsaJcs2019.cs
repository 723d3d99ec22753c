// ecdsa-jcs-2019 (W3C vc-di-ecdsa v1.0 §3.4): ECDSA on P-256 with SHA-256 or P-384 with SHA-384 over
// H(JCS(proof config)) ‖ H(JCS(document)); IEEE P1363 r‖s signature (64 or 96 bytes) as a base58btc proofValue.
// The proof repeats the document's @context, as in eddsa-jcs-2022.
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs.Cryptosuites;

internal sealed class EcdsaJcs2019 : Cryptosuite
{
    public override string Name => "ecdsa-jcs-2019";

    public override bool ProofIncludesContext => true;

    public override bool Supports(KeyType keyType) => keyType is KeyType.P256 or KeyType.P384;

    public override byte[] Canonicalize(JsonObject json, CryptosuiteContext context) => Jcs.Canonicalize(json);

    public override byte[] CanonicalizeDocument(JsonObject document, JsonNode? context, JsonArray? previousProofs, CryptosuiteContext cryptosuiteContext) =>
        Jcs.CanonicalizeDocument(document, context, previousProofs);
}
