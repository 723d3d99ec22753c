using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Tests.Trust;

/// <summary>The rule for PDF document-signing keys, tried as a forger and a registrar rotating keys would.</summary>
public sealed class DocumentKeyRuleTests
{
    private const string Did = "did:web:school.example";
    private static readonly DateTimeOffset s_retired = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static TrustedInstitution School(params IssuerKey[] keys) => new(Did, "Riverside", keys);

    private static IssuerKey KeyOf(P256KeyPair key, KeyState state = KeyState.Active, DateTimeOffset? retired = null, DateTimeOffset? revoked = null) =>
        new($"{Did}#{Multikey.Encode(key.PublicKey)}", Did, key.PublicKey, state, retired, revoked);

    [Fact]
    public void A_pdf_signed_with_a_key_retired_in_a_rotation_still_counts()
    {
        using var key = P256KeyPair.Generate();

        var decision = DocumentKeyRule.Judge(School(KeyOf(key, KeyState.Retired, retired: s_retired)), key.PublicKey);

        Assert.Equal(CheckStatus.Passed, decision.Status);
    }

    [Fact]
    public void A_pdf_signed_with_a_revoked_key_never_counts()
    {
        using var key = P256KeyPair.Generate();

        var decision = DocumentKeyRule.Judge(School(KeyOf(key, KeyState.Revoked, revoked: s_retired)), key.PublicKey);

        Assert.Equal(CheckStatus.Failed, decision.Status);
        Assert.Contains("revoked on 2026-06-01", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_signed_by_a_stranger_fails_and_one_without_a_readable_key_too()
    {
        using var key = P256KeyPair.Generate();
        using var stranger = P256KeyPair.Generate();
        var school = School(KeyOf(key));

        Assert.Equal(CheckStatus.Failed, DocumentKeyRule.Judge(school, stranger.PublicKey).Status);
        Assert.Equal(CheckStatus.Failed, DocumentKeyRule.Judge(school, null).Status);
        Assert.Equal(CheckStatus.Passed, DocumentKeyRule.Judge(school, key.PublicKey).Status);
    }

    [Fact]
    public void A_school_that_publishes_no_document_key_gives_cannot_tell()
    {
        using var key = P256KeyPair.Generate();

        Assert.Equal(CheckStatus.Unknown, DocumentKeyRule.Judge(School(), key.PublicKey).Status);
    }
}
