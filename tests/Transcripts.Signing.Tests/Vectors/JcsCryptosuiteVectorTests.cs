using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Encoding;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>eddsa-jcs-2022 and ecdsa-jcs-2019 (P-256, P-384) against the W3C test vectors, step by step.</summary>
public sealed class JcsCryptosuiteVectorTests
{
    public static TheoryData<string> Suites() => SuiteVector.JcsIds();

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Canonical_document_matches_canonDoc(string id)
    {
        var v = SuiteVector.Load(id);

        Assert.Equal(v.Text("canonDoc"), System.Text.Encoding.UTF8.GetString(Jcs.Canonicalize(v.UnsignedDocument)));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Canonical_proof_configuration_matches_proofCanon(string id)
    {
        var v = SuiteVector.Load(id);
        var suite = CryptosuiteRegistry.Find("DataIntegrityProof", (string?)v.Json("proofConfig")["cryptosuite"])!;

        var config = suite.CreateProofConfiguration(v.Json("proofConfig"), v.UnsignedDocument["@context"]);

        Assert.Equal(v.Text("proofCanon"), System.Text.Encoding.UTF8.GetString(suite.Canonicalize(config, new(Limits.Default, null))));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Hashes_match_docHash_proofHash_and_combinedHash(string id)
    {
        var v = SuiteVector.Load(id);
        var suite = CryptosuiteRegistry.Find("DataIntegrityProof", (string?)v.Json("proofConfig")["cryptosuite"])!;
        var keyType = v.KeyType;
        var canonDoc = System.Text.Encoding.UTF8.GetBytes(v.Text("canonDoc"));
        var canonProof = System.Text.Encoding.UTF8.GetBytes(v.Text("proofCanon"));
        Func<byte[], byte[]> hash = v.IsP384 ? SHA384.HashData : SHA256.HashData;

        Assert.Equal(v.Text("docHash"), Convert.ToHexStringLower(hash(canonDoc)));
        Assert.Equal(v.Text("proofHash"), Convert.ToHexStringLower(hash(canonProof)));
        Assert.Equal(v.Text("combinedHash"), Convert.ToHexStringLower(suite.Hash(canonProof, canonDoc, keyType)));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Published_signature_verifies_and_proofValue_is_its_base58btc(string id)
    {
        var v = SuiteVector.Load(id);
        var key = Multikey.Decode((string)v.KeyPairFile["publicKeyMultibase"]!);
        var signature = Convert.FromHexString(v.Text("sigHex"));

        Assert.True(key.Verify(Convert.FromHexString(v.Text("combinedHash")), signature));
        Assert.Equal(v.Text("sigBTC58"), Multibase.EncodeBase58Btc(signature));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Published_signed_document_verifies(string id)
    {
        var v = SuiteVector.Load(id);

        var result = DataIntegrityProof.Verify(v.Json("signed"));

        Assert.True(result.IsVerified, result.Proofs[0].Reason);
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Secret_key_from_keyPair_file_derives_the_published_public_key(string id)
    {
        var v = SuiteVector.Load(id);
        using var pair = v.KeyPair();

        Assert.Equal((string)v.KeyPairFile["publicKeyMultibase"]!, Multikey.Encode(pair.PublicKey));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Signing_the_unsigned_document_gives_a_verifiable_document_equal_to_the_vector_except_for_ecdsa_randomness(string id)
    {
        var v = SuiteVector.Load(id);
        var config = v.Json("proofConfig");
        using var pair = v.KeyPair();
        var options = new ProofOptions
        {
            Cryptosuite = (string)config["cryptosuite"]!,
            VerificationMethod = (string)config["verificationMethod"]!,
            Created = DateTimeOffset.Parse((string)config["created"]!, System.Globalization.CultureInfo.InvariantCulture),
        };

        var signed = DataIntegrityProof.Sign(v.UnsignedDocument, options, pair);

        Assert.True(DataIntegrityProof.Verify(signed).IsVerified);
        var expected = v.Json("signed");
        if (!v.IsEcdsa)
        {
            // Ed25519 is deterministic: the whole document, signature included, is reproduced.
            Assert.True(JsonNode.DeepEquals(expected, signed), signed.ToJsonString());
            Assert.Equal(v.Text("sigBTC58"), (string)signed["proof"]!["proofValue"]!);
        }
        else
        {
            expected["proof"]!.AsObject().Remove("proofValue");
            signed["proof"]!.AsObject().Remove("proofValue");
            Assert.True(JsonNode.DeepEquals(expected, signed), signed.ToJsonString());
        }
    }
}
