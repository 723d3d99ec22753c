using System.Text.Json.Nodes;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Tests.Verification.DataModel;

/// <summary>One test per MUST of VC Data Model 2.0 §4.13 Verifiable Presentations (and §4.13.1, §4.13.4).</summary>
public sealed class PresentationRuleTests
{
    private const string Holder = "did:key:z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj";

    private static JsonObject Valid() => JsonInput.ParseObject(System.Text.Encoding.UTF8.GetBytes($$"""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2"],
          "id": "urn:uuid:1b6f1b0e-73a4-4a6e-9d0e-0f9b8d1b2c3d",
          "type": ["VerifiablePresentation"],
          "holder": "{{Holder}}",
          "verifiableCredential": [
            {
              "@context": ["https://www.w3.org/ns/credentials/v2"],
              "type": ["VerifiableCredential"],
              "issuer": "did:web:school.example",
              "credentialSubject": {"id": "{{Holder}}"},
              "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod"}
            },
            {
              "@context": "https://www.w3.org/ns/credentials/v2",
              "id": "data:application/vc+jwt,eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
              "type": "EnvelopedVerifiableCredential"
            }
          ],
          "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "authentication"}
        }
        """));

    private static void AssertBreaks(JsonObject presentation, string rule, string path) =>
        Assert.Contains(DataModelValidator.ValidatePresentation(presentation), v => v.Rule == rule && v.Path == path);

    private static JsonObject Credential(JsonObject presentation, int index) => presentation["verifiableCredential"]![index]!.AsObject();

    [Fact]
    public void A_conforming_presentation_has_no_violations()
    {
        var violations = DataModelValidator.ValidatePresentation(Valid());

        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Reason)));
    }

    [Fact]
    public void Type_without_VerifiablePresentation_breaks_type_presentation() =>
        AssertBreaks(CredentialRuleTests.With(Valid(), "type", "[\"VerifiableCredential\"]"), DataModelRules.TypePresentation, "type");

    [Fact]
    public void Type_missing_breaks_type_missing() => AssertBreaks(CredentialRuleTests.Without(Valid(), "type"), DataModelRules.TypeMissing, "type");

    [Fact]
    public void Context_not_starting_with_the_base_context_breaks_context_first() =>
        AssertBreaks(CredentialRuleTests.With(Valid(), "@context", "[\"https://www.w3.org/ns/credentials/examples/v2\"]"), DataModelRules.ContextFirst, "@context");

    [Theory]
    [InlineData("\"z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj\"", "holder")]
    [InlineData("42", "holder")]
    [InlineData("{\"name\": \"Acme\"}", "holder.id")]
    [InlineData("{\"id\": \"not a url\"}", "holder.id")]
    public void A_holder_that_is_not_a_url_or_an_object_with_a_url_id_breaks_holder_url(string holder, string path) =>
        AssertBreaks(CredentialRuleTests.With(Valid(), "holder", holder), DataModelRules.HolderUrl, path);

    [Theory]
    [InlineData("\"eyJhbGciOiJFUzI1NiJ9.e30.c2ln\"")]
    [InlineData("\"https://school.example/credentials/1\"")]
    [InlineData("7")]
    public void A_verifiableCredential_value_that_is_not_an_object_breaks_presentation_credential(string value)
    {
        var presentation = Valid();
        presentation["verifiableCredential"]!.AsArray()[0] = JsonNode.Parse(value);

        AssertBreaks(presentation, DataModelRules.PresentationCredential, "verifiableCredential[0]");
    }

    [Fact]
    public void An_embedded_credential_breaking_a_MUST_is_reported_at_its_path()
    {
        var presentation = Valid();
        Credential(presentation, 0)["credentialSubject"] = new JsonObject();

        AssertBreaks(presentation, DataModelRules.SubjectClaims, "verifiableCredential[0].credentialSubject");
    }

    [Fact]
    public void An_embedded_credential_without_an_issuer_breaks_issuer_missing()
    {
        var presentation = Valid();
        Credential(presentation, 0).Remove("issuer");

        AssertBreaks(presentation, DataModelRules.IssuerMissing, "verifiableCredential[0].issuer");
    }

    [Theory]
    [InlineData("id", "\"https://school.example/credentials/1\"", "verifiableCredential[1].id")]
    [InlineData("@context", "\"https://www.w3.org/ns/credentials/examples/v2\"", "verifiableCredential[1].@context")]
    [InlineData("type", "[\"EnvelopedVerifiableCredential\", \"VerifiableCredential\"]", "verifiableCredential[1].type")]
    public void An_enveloped_credential_without_its_context_data_url_or_exact_type_breaks_enveloped_credential(string property, string value, string path)
    {
        var presentation = Valid();
        Credential(presentation, 1)[property] = JsonNode.Parse(value);

        AssertBreaks(presentation, DataModelRules.EnvelopedCredential, path);
    }

    [Fact]
    public void A_self_asserted_credential_in_a_signed_presentation_without_a_holder_breaks_holder_required()
    {
        var presentation = CredentialRuleTests.Without(Valid(), "holder");
        Credential(presentation, 0).Remove("proof");
        Credential(presentation, 0)["issuer"] = Holder;

        AssertBreaks(presentation, DataModelRules.HolderRequired, "holder");
    }

    [Fact]
    public void A_self_asserted_credential_whose_issuer_is_not_the_holder_breaks_holder_issuer()
    {
        var presentation = Valid();
        Credential(presentation, 0).Remove("proof");

        AssertBreaks(presentation, DataModelRules.HolderIssuer, "verifiableCredential[0].issuer");
        Credential(presentation, 0)["issuer"] = Holder;
        Assert.Empty(DataModelValidator.ValidatePresentation(presentation));
    }

    [Fact]
    public void A_credential_with_its_own_proof_is_not_self_asserted_so_its_issuer_may_differ_from_the_holder() =>
        Assert.DoesNotContain(DataModelValidator.ValidatePresentation(Valid()), v => v.Rule == DataModelRules.HolderIssuer);
}
