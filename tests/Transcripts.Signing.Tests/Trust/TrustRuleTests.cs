using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Tests.Proofs;
using Transcripts.Signing.Tokens;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Tests.Trust;

/// <summary>The one trust rule, tried as an attacker would: keys of other parties, keys past retirement, stolen keys.</summary>
public sealed class TrustRuleTests
{
    private const string Did = "did:web:school.example";
    private static readonly DateTimeOffset s_issued = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_rotated = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_now = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string MethodOf(KeyPair key) => $"{Did}#{Multikey.Encode(key.PublicKey)}";

    private static IssuerKey KeyOf(KeyPair key, KeyState state = KeyState.Active, DateTimeOffset? retired = null, DateTimeOffset? revoked = null) =>
        new(MethodOf(key), Did, key.PublicKey, state, retired, revoked);

    private static JsonObject Signed(KeyPair key, DateTimeOffset created, string subject = "did:example:learner")
    {
        var credential = TestDocuments.Credential(Did);
        credential["credentialSubject"]!["id"] = subject;
        return DataIntegrityProof.Sign(credential, TestDocuments.Options(key, "eddsa-jcs-2022") with { VerificationMethod = MethodOf(key), Created = created }, key);
    }

    private static VerificationReport Verify(JsonObject credential, params TrustedInstitution[] trusted) =>
        CredentialVerifier.Verify(credential, new VerificationOptions { Now = s_now, Trust = trusted });

    [Fact]
    public void A_proof_by_an_unrelated_did_key_for_a_trusted_did_web_issuer_is_invalid()
    {
        using var school = Ed25519KeyPair.Generate();
        using var forger = Ed25519KeyPair.Generate();
        var forged = DataIntegrityProof.Sign(TestDocuments.Credential(Did), TestDocuments.Options(forger, "eddsa-jcs-2022"), forger);

        var report = Verify(forged, new TrustedInstitution(Did, "Riverside", [KeyOf(school)]));

        Assert.Equal(CheckStatus.Passed, report[CheckNames.Proof]!.Status);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.IssuerTrusted]!.Status);
        Assert.Contains("another party's key", report[CheckNames.IssuerTrusted]!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_id_the_school_does_not_publish_is_invalid_even_under_its_did()
    {
        using var school = Ed25519KeyPair.Generate();
        using var forger = Ed25519KeyPair.Generate();

        var report = Verify(Signed(forger, s_issued), new TrustedInstitution(Did, "Riverside", [KeyOf(school)]));

        // The trusted school does not publish the key, so the signature cannot be the school's: failed, not "cannot tell".
        Assert.Equal(CheckStatus.Failed, report.Outcome);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.Proof]!.Status);
    }

    [Fact]
    public void A_retired_key_counts_for_what_it_signed_before_retirement_and_nothing_after()
    {
        using var old = Ed25519KeyPair.Generate();
        var school = new TrustedInstitution(Did, "Riverside", [KeyOf(old, KeyState.Retired, retired: s_rotated)]);

        Assert.Equal(CheckStatus.Passed, Verify(Signed(old, s_issued), school).Outcome);
        var late = Verify(Signed(old, s_rotated.AddDays(1)), school);
        Assert.Equal(CheckStatus.Failed, late[CheckNames.IssuerTrusted]!.Status);
        Assert.Contains("retired", late[CheckNames.IssuerTrusted]!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backdated_forgery_by_a_revoked_key_is_invalid_and_a_listed_genuine_credential_stays_valid()
    {
        using var stolen = Ed25519KeyPair.Generate();
        using var current = Ed25519KeyPair.Generate();
        var genuine = Signed(stolen, s_issued);
        var forgery = Signed(stolen, s_issued.AddDays(-1), "did:example:the-thief");
        var revoked = KeyOf(stolen, KeyState.Revoked, revoked: s_rotated);
        var school = new TrustedInstitution(Did, "Riverside", [revoked, KeyOf(current)]);
        var list = IssuedCredentialsList.Create(Did, revoked, [IssuedCredentialsList.Digest(genuine)], s_rotated, MethodOf(current), current);

        var unlisted = Verify(genuine, school);
        var listed = IssuedCredentialsList.Accept(school, list, out var problem);

        Assert.Null(problem);
        Assert.Equal(CheckStatus.Failed, unlisted.Outcome);
        Assert.Equal(CheckStatus.Passed, Verify(genuine, listed).Outcome);
        var refused = Verify(forgery, listed);
        Assert.Equal(CheckStatus.Failed, refused.Outcome);
        Assert.Contains("not on Riverside", refused[CheckNames.IssuerTrusted]!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_issued_credentials_signed_by_the_stolen_key_itself_is_refused()
    {
        using var stolen = Ed25519KeyPair.Generate();
        var revoked = KeyOf(stolen, KeyState.Revoked, revoked: s_rotated);
        var forgery = Signed(stolen, s_issued, "did:example:the-thief");
        var school = new TrustedInstitution(Did, "Riverside", [revoked]);
        var list = IssuedCredentialsList.Create(Did, revoked, [IssuedCredentialsList.Digest(forgery)], s_issued, MethodOf(stolen), stolen);

        var accepted = IssuedCredentialsList.Accept(school, list, out var problem);

        Assert.NotNull(problem);
        Assert.Empty(accepted.IssuedCredentials);
        Assert.Equal(CheckStatus.Failed, Verify(forgery, accepted).Outcome);
    }

    [Fact]
    public void A_changed_list_of_issued_credentials_is_refused()
    {
        using var stolen = Ed25519KeyPair.Generate();
        using var current = Ed25519KeyPair.Generate();
        var revoked = KeyOf(stolen, KeyState.Revoked, revoked: s_rotated);
        var school = new TrustedInstitution(Did, "Riverside", [revoked, KeyOf(current)]);
        var list = IssuedCredentialsList.Create(Did, revoked, [new string('0', 64)], s_rotated, MethodOf(current), current);
        list["credentials"]!.AsArray().Add(IssuedCredentialsList.Digest(Signed(stolen, s_issued, "did:example:the-thief")));

        IssuedCredentialsList.Accept(school, list, out var problem);

        Assert.Contains("valid signature", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_issuer_outside_the_trust_set_is_unknown_never_valid()
    {
        using var stranger = Ed25519KeyPair.Generate();
        var selfIssued = TestDocuments.Signed(stranger);

        var report = Verify(selfIssued, new TrustedInstitution(Did, "Riverside", []));

        Assert.Equal(CheckStatus.Passed, report[CheckNames.Proof]!.Status);
        Assert.Equal(CheckStatus.Unknown, report.Outcome);
    }

    [Fact]
    public void The_report_names_the_institution_as_the_trust_set_knows_it()
    {
        using var key = Ed25519KeyPair.Generate();
        var credential = TestDocuments.Credential(Did);
        credential["issuer"] = new JsonObject { ["id"] = Did, ["name"] = "Totally Harvard" };
        var signed = DataIntegrityProof.Sign(credential, TestDocuments.Options(key, "eddsa-jcs-2022") with { VerificationMethod = MethodOf(key) }, key);

        var report = Verify(signed, new TrustedInstitution(Did, "Riverside", [KeyOf(key)]));

        Assert.Equal(CheckStatus.Passed, report.Outcome);
        Assert.Equal("Riverside", report.Institution?.Name);
    }

    [Fact]
    public void A_qr_token_by_a_retired_key_stays_valid_and_one_by_a_revoked_key_needs_its_listed_credential()
    {
        using var old = Ed25519KeyPair.Generate();
        using var current = Ed25519KeyPair.Generate();
        var credential = Signed(old, s_issued);
        var bytes = System.Text.Encoding.UTF8.GetBytes(credential.ToJsonString());
        var id = "urn:uuid:" + Guid.NewGuid();
        var text = TranscriptToken.Create(MethodOf(old), id, "Ada Lovelace", DateOnly.FromDateTime(s_issued.UtcDateTime),
            System.Security.Cryptography.SHA256.HashData(bytes), old);
        var parsed = TranscriptToken.Parse(text, id);
        var retired = new TrustedInstitution(Did, "Riverside", [KeyOf(old, KeyState.Retired, retired: s_rotated), KeyOf(current)]);
        var revokedKey = KeyOf(old, KeyState.Revoked, revoked: s_rotated);
        var revoked = IssuedCredentialsList.Accept(new TrustedInstitution(Did, "Riverside", [revokedKey, KeyOf(current)]),
            IssuedCredentialsList.Create(Did, revokedKey, [IssuedCredentialsList.Digest(credential)], s_rotated, MethodOf(current), current), out _);

        Assert.Equal(CheckStatus.Passed, TranscriptTokenCheck.Check(parsed, [retired], null).Status);
        Assert.Equal(CheckStatus.Unknown, TranscriptTokenCheck.Check(parsed, [revoked], null).Status);
        Assert.Equal(CheckStatus.Passed, TranscriptTokenCheck.Check(parsed, [revoked], credential).Status);
        Assert.Equal(CheckStatus.Failed, TranscriptTokenCheck.Check(parsed, [revoked], Signed(old, s_issued, "did:example:other")).Status);
    }
}
