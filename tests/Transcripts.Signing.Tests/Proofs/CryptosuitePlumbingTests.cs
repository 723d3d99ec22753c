using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Proofs.Cryptosuites;

namespace Transcripts.Signing.Tests.Proofs;

/// <summary>
/// The contract a new cryptosuite relies on: the default CanonicalizeDocument (copy, then Canonicalize) and the JCS
/// in-place override must agree, for plain documents, proof sets, chains and replaced contexts.
/// </summary>
public sealed class CryptosuitePlumbingTests
{
    private sealed class JcsThroughTheDefaultPath : Cryptosuite
    {
        public override string Name => "test-jcs";
        public override bool Supports(KeyType keyType) => true;
        public override byte[] Canonicalize(JsonObject json, CryptosuiteContext context) => Jcs.Canonicalize(json);
    }

    public static TheoryData<string> Documents() => new()
    {
        """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"n":1.50,"s":"a\"b\u0001é"}""",
        """{"@context":"https://www.w3.org/ns/credentials/v2","proof":{"type":"DataIntegrityProof","id":"urn:a"},"z":[true,null]}""",
        """{"proof":[{"id":"urn:a","proofValue":"z1"},{"id":"urn:b"}],"x":{"b":2,"a":1}}""",
    };

    [Theory, MemberData(nameof(Documents))]
    public void Default_and_in_place_canonical_documents_agree(string json)
    {
        var document = JsonInput.ParseObject(System.Text.Encoding.UTF8.GetBytes(json));
        var context = new CryptosuiteContext(Limits.Default, null);
        JsonNode replacement = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://example.org/extra");
        var previous = new JsonArray(new JsonObject { ["id"] = "urn:a", ["type"] = "DataIntegrityProof" });
        var before = document.ToJsonString();

        foreach (var (ctx, prev) in new (JsonNode?, JsonArray?)[] { (null, null), (replacement, null), (null, previous), (replacement, previous) })
        {
            var expected = new JcsThroughTheDefaultPath().CanonicalizeDocument(document, ctx, (JsonArray?)prev?.DeepClone(), context);
            var actual = new EddsaJcs2022().CanonicalizeDocument(document, ctx, (JsonArray?)prev?.DeepClone(), context);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
        }
        Assert.Equal(before, document.ToJsonString());
    }

    [Fact]
    public void Registry_finds_suites_by_type_and_cryptosuite()
    {
        Assert.IsType<EddsaJcs2022>(CryptosuiteRegistry.Find("DataIntegrityProof", "eddsa-jcs-2022"));
        Assert.IsType<EcdsaJcs2019>(CryptosuiteRegistry.Find("DataIntegrityProof", "ecdsa-jcs-2019"));
        Assert.Null(CryptosuiteRegistry.Find("DataIntegrityProof", null));
        Assert.Null(CryptosuiteRegistry.Find("Ed25519Signature2018", null));
    }
}
