using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Transcripts.Signing.Encoding;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>
/// eddsa-rdfc-2022, ecdsa-rdfc-2019 (P-256, P-384) and the legacy Ed25519Signature2020 against the W3C test vectors,
/// step by step: canonical N-Quads of the document and of the proof configuration, the hashes, the signature, and
/// (Ed25519, deterministic) the whole signed document reproduced byte for byte.
/// </summary>
public sealed class RdfcCryptosuiteVectorTests
{
    public static TheoryData<string> Runs() => SuiteVector.RdfcIds();

    [SkippableTheory, MemberData(nameof(Runs))]
    public void Canonical_document_matches_canonDoc(string id)
    {
        var v = SuiteVector.Load(id);
        var suite = SuiteOf(v);

        var canonical = suite.CanonicalizeDocument(v.UnsignedDocument, null, null, Context(v));

        Assert.Equal(v.Text("canonDoc"), System.Text.Encoding.UTF8.GetString(canonical));
    }

    [SkippableTheory, MemberData(nameof(Runs))]
    public void Canonical_proof_configuration_matches_proofCanon(string id)
    {
        var v = SuiteVector.Load(id);
        var suite = SuiteOf(v);

        // The Ed25519Signature2020 run signs the document with its suite context added, as its proofConfig shows.
        var proofConfig = v.Json("proofConfig");
        var documentContext = proofConfig["@context"]?.DeepClone() ?? v.UnsignedDocument["@context"];

        var config = suite.CreateProofConfiguration(proofConfig, documentContext);

        Assert.Equal(v.Text("proofCanon"), System.Text.Encoding.UTF8.GetString(suite.Canonicalize(config, Context(v))));
    }

    [SkippableTheory, MemberData(nameof(Runs))]
    public void Hashes_match_docHash_proofHash_and_combinedHash(string id)
    {
        var v = SuiteVector.Load(id);
        var canonDoc = System.Text.Encoding.UTF8.GetBytes(v.Text("canonDoc"));
        var canonProof = System.Text.Encoding.UTF8.GetBytes(v.Text("proofCanon"));
        Func<byte[], byte[]> hash = v.IsP384 ? SHA384.HashData : SHA256.HashData;

        Assert.Equal(v.Text("docHash"), Convert.ToHexStringLower(hash(canonDoc)));
        Assert.Equal(v.Text("proofHash"), Convert.ToHexStringLower(hash(canonProof)));
        Assert.Equal(v.Text("combinedHash"), Convert.ToHexStringLower(SuiteOf(v).Hash(canonProof, canonDoc, v.KeyType)));
    }

    [SkippableTheory, MemberData(nameof(Runs))]
    public void Published_signature_verifies_and_proofValue_is_its_base58btc(string id)
    {
        var v = SuiteVector.Load(id);
        var key = Multikey.Decode((string)v.KeyPairFile["publicKeyMultibase"]!);
        var signature = Convert.FromHexString(v.Text("sigHex"));

        Assert.True(key.Verify(Convert.FromHexString(v.Text("combinedHash")), signature));
        Assert.Equal(v.Text("sigBTC58"), Multibase.EncodeBase58Btc(signature));
    }

    [SkippableTheory, MemberData(nameof(Runs))]
    public void Published_signed_document_verifies(string id)
    {
        var v = SuiteVector.Load(id);

        var result = DataIntegrityProof.Verify(v.Json("signed"), new ProofVerificationOptions { DocumentLoader = SuiteVector.Loader });

        Assert.True(result.IsVerified, result.Proofs[0].Reason);
    }

    [SkippableTheory, MemberData(nameof(Runs))]
    public void Signing_reproduces_the_vector_or_is_refused_for_the_legacy_type(string id)
    {
        var v = SuiteVector.Load(id);
        var config = v.Json("proofConfig");
        using var pair = v.KeyPair();
        var options = new ProofOptions
        {
            Cryptosuite = (string?)config["cryptosuite"] ?? (string)config["type"]!,
            VerificationMethod = (string)config["verificationMethod"]!,
            Created = DateTimeOffset.Parse((string)config["created"]!, CultureInfo.InvariantCulture),
            DocumentLoader = SuiteVector.Loader,
        };

        if ((string)config["type"]! == "Ed25519Signature2020")
        {
            var e = Assert.Throws<SigningException>(() => DataIntegrityProof.Sign(v.UnsignedDocument, options, pair));
            Assert.Equal(SigningError.UnsupportedCryptosuite, e.Error);
            return;
        }
        var signed = DataIntegrityProof.Sign(v.UnsignedDocument, options, pair);

        Assert.True(DataIntegrityProof.Verify(signed, new ProofVerificationOptions { DocumentLoader = SuiteVector.Loader }).IsVerified);
        var expected = v.Json("signed");
        if (!v.IsEcdsa)
        {
            Assert.True(JsonNode.DeepEquals(expected, signed), signed.ToJsonString());
        }
        else
        {
            expected["proof"]!.AsObject().Remove("proofValue");
            signed["proof"]!.AsObject().Remove("proofValue");
            Assert.True(JsonNode.DeepEquals(expected, signed), signed.ToJsonString());
        }
    }

    private static Cryptosuite SuiteOf(SuiteVector v)
    {
        var config = v.Json("proofConfig");
        return CryptosuiteRegistry.Find((string)config["type"]!, (string?)config["cryptosuite"])!;
    }

    private static CryptosuiteContext Context(SuiteVector v) => new(Limits.Default, SuiteVector.Loader, v.KeyType);
}
