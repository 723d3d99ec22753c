// eddsa-rdfc-2022 (W3C vc-di-eddsa v1.0 §3.2): Ed25519 over SHA-256(RDFC-1.0(proof config)) ‖ SHA-256(RDFC-1.0(document)),
// 64-byte signature as a base58btc proofValue. The suite Open Badges 3.0 names, and the default of this product.
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs.Cryptosuites;

internal sealed class EddsaRdfc2022 : RdfcCryptosuite
{
    public override string Name => "eddsa-rdfc-2022";

    public override bool Supports(KeyType keyType) => keyType == KeyType.Ed25519;
}
