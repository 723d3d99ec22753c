using System.Text.Json.Nodes;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Tests.Verification.DataModel;

/// <summary>One test per MUST of the VC Data Model 2.0 (and 1.1) for credentials, each changing a conforming credential in one place.</summary>
public sealed class CredentialRuleTests
{
    private static JsonObject Valid() => JsonInput.ParseObject("""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
          "id": "urn:uuid:6c1c7e0f-0d7b-4a58-9f53-6f0a2f1f2a01",
          "type": ["VerifiableCredential", "ExampleAchievementCredential"],
          "issuer": {"id": "did:web:school.example", "name": "Example School"},
          "name": {"@value": "Algebra I", "@language": "en"},
          "validFrom": "2026-01-15T09:30:00Z",
          "validUntil": "2031-01-15T09:30:00+01:00",
          "credentialSubject": {"id": "did:example:learner", "name": "A. Learner"},
          "credentialStatus": {"id": "https://school.example/status/1#94567", "type": "BitstringStatusListEntry"},
          "credentialSchema": {"id": "https://school.example/schema.json", "type": "JsonSchema"},
          "evidence": [{"id": "https://school.example/evidence/1", "type": ["Evidence"]}],
          "termsOfUse": {"type": "TrustFrameworkPolicy"},
          "refreshService": {"type": "VerifiableCredentialRefreshService2021", "url": "https://school.example/refresh"},
          "relatedResource": [{"id": "https://school.example/logo.png", "digestSRI": "sha384-abc"}],
          "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod"}
        }
        """u8);

    private static IReadOnlyList<DataModelViolation> Verify(JsonObject credential) =>
        DataModelValidator.ValidateCredential(credential, DataModelPurpose.Verifying);

    private static void AssertBreaks(JsonObject credential, string rule, string path)
    {
        var violations = Verify(credential);
        Assert.Contains(violations, v => v.Rule == rule && v.Path == path);
        Assert.All(violations, v => Assert.StartsWith("VC Data", v.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_conforming_credential_has_no_violations()
    {
        var violations = Verify(Valid());

        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Reason)));
    }

    [Fact]
    public void Context_missing_breaks_context_missing() => AssertBreaks(Without(Valid(), "@context"), DataModelRules.ContextMissing, "@context");

    [Theory]
    [InlineData("[\"https://www.w3.org/ns/credentials/examples/v2\", \"https://www.w3.org/ns/credentials/v2\"]")]
    [InlineData("\"https://www.w3.org/ns/credentials/examples/v2\"")]
    [InlineData("[]")]
    [InlineData("[{\"ex\": \"https://example.org/\"}]")]
    public void Base_context_not_first_breaks_context_first(string context) =>
        AssertBreaks(With(Valid(), "@context", context), DataModelRules.ContextFirst, "@context");

    [Theory]
    [InlineData("42", "@context[1]")]
    [InlineData("\"not a url\"", "@context[1]")]
    [InlineData("null", "@context[1]")]
    public void Later_context_items_that_are_not_urls_or_objects_break_context_item(string item, string path)
    {
        var credential = Valid();
        credential["@context"]!.AsArray()[1] = JsonNode.Parse(item);

        AssertBreaks(credential, DataModelRules.ContextItem, path);
    }

    [Fact]
    public void A_context_redefining_a_protected_term_breaks_jsonld()
    {
        var credential = Valid();
        credential["@context"]!.AsArray().Add(new JsonObject { ["name"] = "https://example.org/#notTheName" });

        AssertBreaks(credential, DataModelRules.JsonLd, "@context");
    }

    [Theory]
    [InlineData("[\"https://example.org/a\", \"https://example.org/b\"]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"not a url\"")]
    [InlineData("\"https://\"")]
    public void An_id_that_is_not_a_single_url_breaks_id_url(string id) => AssertBreaks(With(Valid(), "id", id), DataModelRules.IdUrl, "id");

    [Fact]
    public void A_subject_id_that_is_not_a_url_breaks_id_url()
    {
        var credential = Valid();
        credential["credentialSubject"]!["id"] = "learner 7";

        AssertBreaks(credential, DataModelRules.IdUrl, "credentialSubject.id");
    }

    [Fact]
    public void Type_missing_breaks_type_missing() => AssertBreaks(Without(Valid(), "type"), DataModelRules.TypeMissing, "type");

    [Fact]
    public void Type_without_VerifiableCredential_breaks_type_credential() =>
        AssertBreaks(With(Valid(), "type", "[\"ExampleAchievementCredential\"]"), DataModelRules.TypeCredential, "type");

    [Fact]
    public void A_type_value_that_is_not_a_string_breaks_type_value() =>
        AssertBreaks(With(Valid(), "type", "[\"VerifiableCredential\", 7]"), DataModelRules.TypeValue, "type[1]");

    [Fact]
    public void A_type_term_no_context_maps_to_a_url_breaks_type_url()
    {
        var credential = Valid();
        credential["@context"]!.AsArray().Add(new JsonObject { ["@vocab"] = null });
        credential["type"] = JsonNode.Parse("[\"VerifiableCredential\", \"UnmappedCredential\"]");

        AssertBreaks(credential, DataModelRules.TypeUrl, "type");
    }

    [Theory]
    [InlineData("credentialStatus", "{\"id\": \"https://school.example/status/1#1\"}", "credentialStatus.type")]
    [InlineData("credentialSchema", "{\"id\": \"https://school.example/schema.json\"}", "credentialSchema.type")]
    [InlineData("evidence", "[{\"id\": \"https://school.example/evidence/1\"}]", "evidence[0].type")]
    [InlineData("termsOfUse", "[{\"type\": \"TrustFrameworkPolicy\"}, {\"id\": \"https://school.example/terms\"}]", "termsOfUse[1].type")]
    [InlineData("refreshService", "{\"url\": \"https://school.example/refresh\"}", "refreshService.type")]
    [InlineData("renderMethod", "{\"id\": \"https://school.example/render\"}", "renderMethod.type")]
    [InlineData("confidenceMethod", "{}", "confidenceMethod.type")]
    public void Every_object_that_needs_a_type_breaks_type_missing_without_one(string property, string value, string path) =>
        AssertBreaks(With(Valid(), property, value), DataModelRules.TypeMissing, path);

    [Theory]
    [InlineData("credentialStatus", "\"https://school.example/status/1\"")]
    [InlineData("evidence", "[]")]
    [InlineData("termsOfUse", "7")]
    public void An_extension_value_that_is_not_an_object_breaks_object_required(string property, string value)
    {
        var violations = Verify(With(Valid(), property, value));

        Assert.Contains(violations, v => v.Rule == DataModelRules.ObjectRequired && v.Path.StartsWith(property, StringComparison.Ordinal));
    }

    [Fact]
    public void A_proof_without_a_type_breaks_type_missing() =>
        AssertBreaks(With(Valid(), "proof", "{\"proofPurpose\": \"assertionMethod\"}"), DataModelRules.TypeMissing, "proof.type");

    [Fact]
    public void A_credentialSchema_without_an_id_breaks_id_required() =>
        AssertBreaks(With(Valid(), "credentialSchema", "{\"type\": \"JsonSchema\"}"), DataModelRules.IdRequired, "credentialSchema.id");

    [Fact]
    public void A_credentialStatus_with_a_list_of_ids_breaks_id_url() =>
        AssertBreaks(With(Valid(), "credentialStatus", "{\"id\": [\"https://a.example/1\", \"https://a.example/2\"], \"type\": \"BitstringStatusListEntry\"}"),
            DataModelRules.IdUrl, "credentialStatus.id");

    [Theory]
    [InlineData("{\"@value\": \"Algebra\", \"@language\": \"en\", \"url\": \"https://example.org\"}")]
    [InlineData("{\"@language\": \"en\"}")]
    [InlineData("{\"@value\": \"Algebra\", \"@direction\": \"up\"}")]
    [InlineData("42")]
    [InlineData("[\"Algebra\", 42]")]
    public void A_name_that_is_not_a_string_or_language_value_object_breaks_name_description(string name) =>
        AssertBreaks(With(Valid(), "name", name), DataModelRules.NameDescription, "name");

    [Fact]
    public void An_issuer_description_with_extra_keys_breaks_name_description()
    {
        var credential = Valid();
        credential["issuer"]!["description"] = JsonNode.Parse("{\"@value\": \"A school\", \"extra\": 1}");

        AssertBreaks(credential, DataModelRules.NameDescription, "issuer.description");
    }

    [Fact]
    public void Issuer_missing_breaks_issuer_missing_when_verifying_but_not_when_issuing()
    {
        var credential = Without(Valid(), "issuer");

        AssertBreaks(credential, DataModelRules.IssuerMissing, "issuer");
        Assert.DoesNotContain(DataModelValidator.ValidateCredential(Without(credential, "proof"), DataModelPurpose.Issuing),
            v => v.Rule == DataModelRules.IssuerMissing);
    }

    [Theory]
    [InlineData("\"Example School\"", "issuer")]
    [InlineData("null", "issuer")]
    [InlineData("[\"did:web:school.example\"]", "issuer")]
    [InlineData("{\"id\": \"school\"}", "issuer.id")]
    [InlineData("{\"id\": null}", "issuer.id")]
    [InlineData("{\"name\": \"Example School\"}", "issuer.id")]
    public void An_issuer_that_is_not_a_url_or_an_object_with_a_url_id_breaks_issuer_url(string issuer, string path) =>
        AssertBreaks(With(Valid(), "issuer", issuer), DataModelRules.IssuerUrl, path);

    [Fact]
    public void Subject_missing_breaks_subject_missing() =>
        AssertBreaks(Without(Valid(), "credentialSubject"), DataModelRules.SubjectMissing, "credentialSubject");

    [Theory]
    [InlineData("{}", "credentialSubject")]
    [InlineData("[]", "credentialSubject")]
    [InlineData("[{\"id\": \"did:example:a\"}, {}]", "credentialSubject[1]")]
    [InlineData("\"did:example:learner\"", "credentialSubject")]
    public void A_subject_without_claims_breaks_subject_claims(string subject, string path) =>
        AssertBreaks(With(Valid(), "credentialSubject", subject), DataModelRules.SubjectClaims, path);

    [Theory]
    [InlineData("validFrom", "2026-01-15T09:30:00")]
    [InlineData("validFrom", "2026-01-15")]
    [InlineData("validFrom", "2026-02-30T00:00:00Z")]
    [InlineData("validFrom", "2027-02-29T00:00:00Z")]
    [InlineData("validFrom", "2026-01-15T25:00:00Z")]
    [InlineData("validFrom", "2026-01-15T09:30:00+15:00")]
    [InlineData("validFrom", "2026-01-15 09:30:00Z")]
    [InlineData("validFrom", "2026-01-15T09:30:00Z\n")]
    [InlineData("validUntil", "Sun, 26 Feb 2023 01:22:14 +0000")]
    [InlineData("validUntil", "")]
    public void A_validity_date_that_is_not_a_dateTimeStamp_breaks_datetime(string property, string value) =>
        AssertBreaks(With(Valid(), property, JsonValue.Create(value).ToJsonString()), DataModelRules.DateTime, property);

    [Theory]
    [InlineData("2028-02-29T00:00:00Z")]
    [InlineData("2000-02-29T23:59:59.1234567890-14:00")]
    [InlineData("2026-01-15T24:00:00Z")]
    [InlineData("12026-01-15T09:30:00Z")]
    [InlineData("-0044-03-15T12:00:00+01:00")]
    public void DateTimeStamps_of_every_lexical_form_are_accepted(string value)
    {
        var credential = Without(With(Valid(), "validFrom", JsonValue.Create(value).ToJsonString()), "validUntil");

        Assert.DoesNotContain(Verify(credential), v => v.Rule == DataModelRules.DateTime);
    }

    [Fact]
    public void A_numeric_validFrom_breaks_datetime() => AssertBreaks(With(Valid(), "validFrom", "20260115"), DataModelRules.DateTime, "validFrom");

    [Fact]
    public void ValidFrom_after_validUntil_breaks_validity_order_and_equal_instants_do_not()
    {
        AssertBreaks(With(Valid(), "validUntil", "\"2026-01-15T09:29:59Z\""), DataModelRules.ValidityOrder, "validUntil");

        Assert.Empty(Verify(With(Valid(), "validUntil", "\"2026-01-15T10:30:00+01:00\"")));
    }

    [Theory]
    [InlineData("[{\"digestSRI\": \"sha384-abc\"}]", "relatedResource[0].id")]
    [InlineData("[{\"id\": \"logo.png\", \"digestSRI\": \"sha384-abc\"}]", "relatedResource[0].id")]
    [InlineData("[{\"id\": \"https://school.example/logo.png\", \"digestSRI\": \"sha384-abc\"}, {\"id\": \"https://school.example/logo.png\", \"digestMultibase\": \"uEiB\"}]", "relatedResource[1].id")]
    [InlineData("[{\"id\": \"https://school.example/logo.png\", \"mediaType\": \"image/png\"}]", "relatedResource[0]")]
    public void A_related_resource_without_a_unique_url_id_or_digest_breaks_related_resource(string related, string path) =>
        AssertBreaks(With(Valid(), "relatedResource", related), DataModelRules.RelatedResource, path);

    [Fact]
    public void An_unsecured_credential_breaks_secured_when_verifying_but_not_when_issuing()
    {
        var unsecured = Without(Valid(), "proof");

        AssertBreaks(unsecured, DataModelRules.Secured, "proof");
        Assert.Empty(DataModelValidator.ValidateCredential(unsecured, DataModelPurpose.Issuing));
    }

    [Fact]
    public void Every_violation_of_a_broken_credential_is_reported_not_just_the_first()
    {
        var credential = With(With(With(Valid(), "id", "\"seven\""), "validFrom", "\"yesterday\""), "credentialSubject", "{}");

        Assert.Equal([DataModelRules.IdUrl, DataModelRules.SubjectClaims, DataModelRules.DateTime],
            Verify(credential).Select(v => v.Rule).ToArray());
    }

    internal static JsonObject With(JsonObject obj, string property, string json)
    {
        obj[property] = JsonNode.Parse(json);
        return obj;
    }

    internal static JsonObject Without(JsonObject obj, string property)
    {
        obj.Remove(property);
        return obj;
    }
}
