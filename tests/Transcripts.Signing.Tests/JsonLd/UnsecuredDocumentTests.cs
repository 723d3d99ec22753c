using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Contexts;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// The RDF cryptosuites canonicalize a secured document in place, through a view without its proof. The view must
/// give exactly the bytes of the copy the Data Integrity algorithms describe, and must leave the document untouched.
/// </summary>
public sealed class UnsecuredDocumentTests
{
    private const string Proof = """
        {
          "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2026-01-01T00:00:00Z",
          "verificationMethod": "https://example.edu/issuers/1#key-1", "proofPurpose": "assertionMethod", "proofValue": "z1"
        }
        """;

    private static JsonObject Secured()
    {
        var secured = Parse(SampleCredentials.OpenBadge);
        secured["proof"] = Parse(Proof);
        return secured;
    }

    private static JsonObject Parse(string json) => JsonInput.ParseObject(System.Text.Encoding.UTF8.GetBytes(json));

    private static byte[] Copied(JsonObject secured, JsonNode? context, JsonArray? previousProofs)
    {
        var unsecured = JsonCopy.Of(secured, except: "proof");
        if (context is not null)
        {
            unsecured["@context"] = JsonCopy.Of(context);
        }
        if (previousProofs is not null)
        {
            unsecured["proof"] = JsonCopy.Of(previousProofs);
        }
        return LinkedDataCanonicalizer.CanonicalizeToUtf8(unsecured, ContextStore.Default, Limits.Default);
    }

    private static byte[] Viewed(JsonObject secured, JsonNode? context, JsonArray? previousProofs) =>
        LinkedDataCanonicalizer.CanonicalizeToUtf8(new UnsecuredDocument(secured, context, previousProofs), ContextStore.Default, Limits.Default);

    [Fact]
    public void The_view_without_the_proof_canonicalizes_as_a_copy_without_it()
    {
        var secured = Secured();
        var before = secured.ToJsonString();

        var viewed = Viewed(secured, null, null);

        Assert.Equal(Copied(secured, null, null), viewed);
        Assert.DoesNotContain("proofValue", System.Text.Encoding.UTF8.GetString(viewed), StringComparison.Ordinal);
        Assert.Equal(before, secured.ToJsonString());
    }

    [Fact]
    public void The_view_with_another_context_and_earlier_proofs_canonicalizes_as_the_copy()
    {
        var secured = Secured();
        var before = secured.ToJsonString();
        var context = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        var previous = new JsonArray(JsonCopy.Of(secured["proof"]));

        var viewed = Viewed(secured, context, previous);

        Assert.Equal(Copied(secured, context, previous), viewed);
        Assert.Contains("eddsa-rdfc-2022", System.Text.Encoding.UTF8.GetString(viewed), StringComparison.Ordinal);
        Assert.Equal(before, secured.ToJsonString());
    }

    [Fact]
    public void A_context_given_to_a_document_without_one_is_used()
    {
        var secured = Secured();
        var context = secured["@context"]!.DeepClone();
        secured.Remove("@context");

        Assert.Equal(Copied(secured, context, null), Viewed(secured, context, null));
    }
}
