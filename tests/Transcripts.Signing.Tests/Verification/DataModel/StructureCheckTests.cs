using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Tests.Proofs;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Tests.Verification.DataModel;

/// <summary>The structure step of <see cref="CredentialVerifier"/>: a credential with a valid signature that breaks a MUST is still invalid.</summary>
public sealed class StructureCheckTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("credentialSubject", "{}", "subject-claims")]
    [InlineData("validFrom", "\"2026-01-15T09:30:00\"", "datetime")]
    [InlineData("credentialStatus", "{\"id\": \"https://school.example/status/1#5\"}", "type-missing")]
    [InlineData("id", "[\"urn:uuid:1\", \"urn:uuid:2\"]", "id-url")]
    [InlineData("relatedResource", "[{\"id\": \"https://school.example/a\"}]", "related-resource")]
    public void A_validly_signed_credential_that_breaks_a_MUST_fails_structure_naming_the_rule(string property, string value, string rule)
    {
        using var pair = Ed25519KeyPair.Generate();
        var credential = TestDocuments.Credential(DidKey.Create(pair.PublicKey));
        credential[property] = JsonNode.Parse(value);
        var signed = DataIntegrityProof.Sign(credential, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now });

        Assert.Equal(CheckStatus.Passed, report[CheckNames.Proof]!.Status);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.Structure]!.Status);
        Assert.Contains($"[rule {rule}]", report[CheckNames.Structure]!.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Failed, report.Outcome);
    }

    [Fact]
    public void A_conforming_signed_credential_passes_structure_naming_the_data_model_version()
    {
        using var pair = Ed25519KeyPair.Generate();

        var report = CredentialVerifier.Verify(TestDocuments.Signed(pair), new() { Now = s_now });

        Assert.Equal(CheckStatus.Passed, report[CheckNames.Structure]!.Status);
        Assert.Contains("VC Data Model 2.0", report[CheckNames.Structure]!.Reason, StringComparison.Ordinal);
    }
}
