using System.Text.Json.Nodes;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Tests.Verification.DataModel;

/// <summary>A credential with the VC 1.1 base context keeps the VC Data Model 1.1 rules.</summary>
public sealed class Vc11RuleTests
{
    private static JsonObject Valid() => JsonInput.ParseObject("""
        {
          "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1", "https://w3id.org/security/data-integrity/v2"],
          "id": "urn:uuid:5a1f0c4e-2b7d-4d1c-8c7e-7e0f1a2b3c4d",
          "type": ["VerifiableCredential"],
          "issuer": "did:web:school.example",
          "issuanceDate": "2026-01-15T09:30:00Z",
          "expirationDate": "2031-01-15T09:30:00Z",
          "credentialSubject": {"id": "did:example:learner"},
          "credentialStatus": {"id": "https://school.example/status/1#3", "type": "StatusList2021Entry"},
          "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod"}
        }
        """u8);

    private static IReadOnlyList<DataModelViolation> Verify(JsonObject credential) =>
        DataModelValidator.ValidateCredential(credential, DataModelPurpose.Verifying);

    [Fact]
    public void A_conforming_1_1_credential_has_no_violations()
    {
        var violations = Verify(Valid());

        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Reason)));
    }

    [Fact]
    public void A_1_1_credential_without_issuanceDate_breaks_issuance_date_even_when_issuing()
    {
        var credential = CredentialRuleTests.Without(CredentialRuleTests.Without(Valid(), "issuanceDate"), "proof");

        Assert.Contains(DataModelValidator.ValidateCredential(credential, DataModelPurpose.Issuing), v => v.Rule == DataModelRules.IssuanceDate);
    }

    [Theory]
    [InlineData("issuanceDate", "2026-01-15")]
    [InlineData("expirationDate", "15 January 2031")]
    public void A_1_1_date_that_is_not_a_date_time_breaks_datetime(string property, string value) =>
        Assert.Contains(Verify(CredentialRuleTests.With(Valid(), property, JsonValue.Create(value).ToJsonString())),
            v => v.Rule == DataModelRules.DateTime && v.Path == property);

    [Fact]
    public void A_1_1_credentialStatus_without_an_id_breaks_id_required_though_2_0_allows_it()
    {
        var credential = Valid();
        credential["credentialStatus"]!.AsObject().Remove("id");

        var violation = Assert.Single(Verify(credential));
        Assert.Equal(DataModelRules.IdRequired, violation.Rule);
        Assert.StartsWith("VC Data Model 1.1", violation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_2_0_validFrom_is_not_read_in_a_1_1_credential()
    {
        // validFrom is not a 1.1 term; the 1.1 context does not define it, so it is not checked as a 2.0 date would be.
        Assert.DoesNotContain(Verify(CredentialRuleTests.With(Valid(), "validFrom", "\"not a date\"")), v => v.Rule == DataModelRules.DateTime);
    }
}
