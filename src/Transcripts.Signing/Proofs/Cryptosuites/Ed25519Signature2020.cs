// Ed25519Signature2020 (W3C CCG Ed25519 Signature 2020, the predecessor of eddsa-rdfc-2022), verify only: the
// proof type itself names the suite (there is no cryptosuite property); the proof configuration carries the
// document's @context and is canonicalized with URDNA2015 (= RDFC-1.0); the hashes and signature are those of
// eddsa-rdfc-2022. Widely deployed university issuers still produce it, so admissions offices receive it; this
// product never issues it.
using Transcripts.Signing.Keys;

namespace Transcripts.Signing.Proofs.Cryptosuites;

internal sealed class Ed25519Signature2020 : RdfcCryptosuite
{
    public override string Name => "Ed25519Signature2020";

    public override string ProofType => "Ed25519Signature2020";

    public override bool IsVerifyOnly => true;

    public override bool Supports(KeyType keyType) => keyType == KeyType.Ed25519;
}
