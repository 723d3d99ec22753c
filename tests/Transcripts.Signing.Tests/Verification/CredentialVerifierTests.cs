using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Tests.Proofs;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Tests.Verification;

public sealed class CredentialVerifierTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_passes_a_signed_credential_from_a_trusted_issuer()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now, TrustedIssuers = new HashSet<string> { DidKey.Create(pair.PublicKey) } });

        Assert.Equal(CheckStatus.Passed, report.Outcome);
        Assert.Equal([CheckNames.Structure, CheckNames.Proof, CheckNames.IssuerTrusted, CheckNames.Validity], report.Checks.Select(c => c.Name));
    }

    [Fact]
    public void Verify_reports_proof_unknown_with_the_url_when_a_credential_uses_an_unpinned_context()
    {
        var credential = JsonInput.ParseObject("""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://contexts.example/unpinned/v1"],
              "type": ["VerifiableCredential"],
              "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
              "credentialSubject": {"id": "did:example:learner"},
              "proof": {
                "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod",
                "verificationMethod": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiZL7e1u4rnEB5ZJ"
              }
            }
            """u8);

        var report = CredentialVerifier.Verify(credential, new() { Now = s_now });

        Assert.Equal(CheckStatus.Unknown, report[CheckNames.Proof]!.Status);
        Assert.Contains("https://contexts.example/unpinned/v1", report[CheckNames.Proof]!.Reason, StringComparison.Ordinal);
        Assert.Equal(SigningError.UnknownContext, DataIntegrityProof.Verify(credential).Proofs[0].Error);
    }

    [Fact]
    public void Verify_fails_an_untrusted_issuer()
    {
        using var pair = Ed25519KeyPair.Generate();

        var report = CredentialVerifier.Verify(TestDocuments.Signed(pair), new() { Now = s_now, TrustedIssuers = new HashSet<string> { "did:web:other.example" } });

        // Not a forgery shown, but nothing shows who issued it either: "unknown", so the outcome is never "passed".
        Assert.Equal(CheckStatus.Unknown, report[CheckNames.IssuerTrusted]!.Status);
        Assert.Equal(CheckStatus.Unknown, report.Outcome);
        Assert.Contains("not among the trusted institutions", report[CheckNames.IssuerTrusted]!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_a_credential_naming_a_trusted_issuer_but_signed_by_another_key()
    {
        using var pair = Ed25519KeyPair.Generate();
        var forged = DataIntegrityProof.Sign(TestDocuments.Credential("did:web:trusted.example"), TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);

        var report = CredentialVerifier.Verify(forged, new() { Now = s_now, TrustedIssuers = new HashSet<string> { "did:web:trusted.example" } });

        Assert.Equal(CheckStatus.Passed, report[CheckNames.Proof]!.Status);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.IssuerTrusted]!.Status);
    }

    [Fact]
    public void Verify_fails_a_tampered_credential_with_a_readable_reason()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed["credentialSubject"]!["achievement"]!["level"] = 4;

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now });

        Assert.Equal(CheckStatus.Failed, report.Outcome);
        Assert.Contains("changed after signing", report[CheckNames.Proof]!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-04-01T00:00:00Z", null, "not valid yet")]
    [InlineData("2025-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "expired")]
    [InlineData("yesterday", null, "not a valid date")]
    public void Verify_fails_outside_the_validity_period(string validFrom, string? validUntil, string reason)
    {
        using var pair = Ed25519KeyPair.Generate();
        var credential = TestDocuments.Credential(DidKey.Create(pair.PublicKey));
        credential["validFrom"] = validFrom;
        if (validUntil is not null)
        {
            credential["validUntil"] = validUntil;
        }
        var signed = DataIntegrityProof.Sign(credential, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now });

        Assert.Equal(CheckStatus.Passed, report[CheckNames.Proof]!.Status);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.Validity]!.Status);
        Assert.Contains(reason, report[CheckNames.Validity]!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reads_VC_1_1_issuanceDate_and_expirationDate()
    {
        using var pair = Ed25519KeyPair.Generate();
        var credential = TestDocuments.Credential(DidKey.Create(pair.PublicKey));
        // The 1.1 context defines neither OpenBadgeCredential nor DataIntegrityProof (VC Data Integrity §2.1 adds its own context).
        credential["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2");
        credential["type"] = new JsonArray("VerifiableCredential");
        credential.Remove("validFrom");
        credential["issuanceDate"] = "2020-01-01T00:00:00Z";
        credential["expirationDate"] = "2021-01-01T00:00:00Z";
        var signed = DataIntegrityProof.Sign(credential, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now });

        Assert.Contains("1.1", report[CheckNames.Structure]!.Reason, StringComparison.Ordinal);
        Assert.Contains("expired", report[CheckNames.Validity]!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@context", "structure")]
    [InlineData("type", "MUST have a type that includes VerifiableCredential")]
    [InlineData("issuer", "[rule issuer-missing]")]
    [InlineData("proof", "carries no proof. [rule secured]")]
    public void Verify_fails_structure_without_required_members(string member, string reason)
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = TestDocuments.Signed(pair);
        signed.Remove(member);

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now });

        Assert.Equal(CheckStatus.Failed, report.Outcome);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.Structure]!.Status);
        if (member != "@context")
        {
            Assert.Contains(reason, report[CheckNames.Structure]!.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Verify_never_throws_for_garbage()
    {
        var garbage = new JsonObject { ["proof"] = new JsonArray(1, "x", new JsonObject()), ["issuer"] = new JsonArray(), ["validFrom"] = 5 };

        var report = CredentialVerifier.Verify(garbage, new() { Now = s_now, TrustedIssuers = new HashSet<string>(), StatusLists = new Dictionary<string, BitstringStatusList>() });

        Assert.Equal(CheckStatus.Failed, report.Outcome);
        Assert.All(report.Checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public void Verify_checks_status_revoked_unknown_and_clear()
    {
        using var pair = Ed25519KeyPair.Generate();
        const string url = "https://school.example/status/1";
        var credential = TestDocuments.Credential(DidKey.Create(pair.PublicKey));
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = url + "#94567",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "94567",
            ["statusListCredential"] = url,
        };
        var signed = DataIntegrityProof.Sign(credential, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);
        var list = new BitstringStatusList();

        var clear = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusLists = new Dictionary<string, BitstringStatusList> { [url] = list } });
        var unknown = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusLists = new Dictionary<string, BitstringStatusList>() });
        list.Set(94567, true);
        var revoked = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusLists = new Dictionary<string, BitstringStatusList> { [url] = list } });

        Assert.Equal(CheckStatus.Passed, clear.Outcome);
        Assert.Equal(CheckStatus.Unknown, unknown.Outcome);
        Assert.Contains("not available", unknown[CheckNames.Status]!.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Failed, revoked.Outcome);
        Assert.Equal("The issuer has revoked this credential.", revoked[CheckNames.Status]!.Reason);
    }
}
