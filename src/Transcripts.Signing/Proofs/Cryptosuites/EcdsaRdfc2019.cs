// ecdsa-rdfc-2019 (W3C vc-di-ecdsa v1.0 §3.2): ECDSA over H(RDFC-1.0(proof config)) ‖ H(RDFC-1.0(document)),
// IEEE P1363 r‖s signatures as a base58btc proofValue. P-256 uses SHA-256 throughout; P-384 uses SHA-384 both for
// the hashes and inside RDFC-1.0 (§3.2.3: "the hash algorithm … SHA-384 when the key is P-384").
using Transcripts.Signing.Canonical.Rdfc10;
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs.Cryptosuites;

internal sealed class EcdsaRdfc2019 : RdfcCryptosuite
{
    public override string Name => "ecdsa-rdfc-2019";

    public override bool Supports(KeyType keyType) => keyType is KeyType.P256 or KeyType.P384;

    protected override Rdfc10HashAlgorithm CanonicalizationHash(KeyType keyType) =>
        keyType == KeyType.P384 ? Rdfc10HashAlgorithm.Sha384 : Rdfc10HashAlgorithm.Sha256;
}
