using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Tests.Proofs;
using Transcripts.Signing.Verification;

namespace Transcripts.Signing.Tests.Verification;

/// <summary>The status step fails closed: missing status, expired lists and older copies never pass for "not revoked".</summary>
public sealed class StatusFailsClosedTests
{
    private const string Url = "https://school.example/status/1";
    private const int Index = 94567;
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_status_less_credential_from_a_status_required_institution_is_not_valid()
    {
        using var pair = Ed25519KeyPair.Generate();
        var issuer = DidKey.Create(pair.PublicKey);
        var signed = TestDocuments.Signed(pair);

        var required = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusRequiredIssuers = new HashSet<string> { issuer } });
        var other = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusRequiredIssuers = new HashSet<string> { "did:web:other.example" } });

        Assert.Equal(CheckStatus.Failed, required.Outcome);
        Assert.Contains("no status entry", required[CheckNames.Status]!.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, other.Outcome);
        Assert.Null(other[CheckNames.Status]);
    }

    [Fact]
    public void An_expired_status_list_gives_cannot_tell_not_valid()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = WithStatus(pair);
        var list = SignedList(pair, s_now.AddHours(-50), s_now.AddHours(-2), revoked: false);

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusListCredentials = new Dictionary<string, StatusListCredential> { [Url] = list } });
        var fresh = CredentialVerifier.Verify(signed, new() { Now = s_now.AddHours(-3), StatusListCredentials = new Dictionary<string, StatusListCredential> { [Url] = list } });

        Assert.Equal(CheckStatus.Unknown, report.Outcome);
        Assert.Contains("expired", report[CheckNames.Status]!.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, fresh.Outcome);
    }

    [Fact]
    public void A_list_of_another_purpose_gives_cannot_tell()
    {
        using var pair = Ed25519KeyPair.Generate();
        var signed = WithStatus(pair);
        var list = SignedList(pair, s_now.AddHours(-1), s_now.AddHours(47), revoked: false, purpose: "suspension");

        var report = CredentialVerifier.Verify(signed, new() { Now = s_now, StatusListCredentials = new Dictionary<string, StatusListCredential> { [Url] = list } });

        Assert.Equal(CheckStatus.Unknown, report[CheckNames.Status]!.Status);
    }

    [Fact]
    public void A_stapled_pre_revocation_list_never_replaces_the_newer_cached_one()
    {
        using var pair = Ed25519KeyPair.Generate();
        var before = SignedList(pair, s_now.AddHours(-30), s_now.AddHours(18), revoked: false);
        var after = SignedList(pair, s_now.AddHours(-1), s_now.AddHours(47), revoked: true);

        Assert.Same(after, StatusListCredential.Choose(after, before, s_now));
        Assert.Same(after, StatusListCredential.Choose(before, after, s_now));
        Assert.Same(before, StatusListCredential.Choose(null, before, s_now));
    }

    [Fact]
    public void An_expired_offered_list_never_wins_even_over_no_copy()
    {
        using var pair = Ed25519KeyPair.Generate();
        var expired = SignedList(pair, s_now.AddHours(-72), s_now.AddHours(-24), revoked: false);
        var older = SignedList(pair, s_now.AddHours(-80), s_now.AddHours(20), revoked: false);

        Assert.Null(StatusListCredential.Choose(null, expired, s_now));
        Assert.Same(older, StatusListCredential.Choose(older, expired, s_now));
    }

    [Fact]
    public void TryVerify_refuses_a_list_signed_by_another_party_or_under_another_id()
    {
        using var school = Ed25519KeyPair.Generate();
        using var stranger = Ed25519KeyPair.Generate();
        var schoolDid = DidKey.Create(school.PublicKey);
        var forged = Sign(new BitstringStatusList().CreateCredential(Url, schoolDid, "revocation", s_now), stranger);
        var genuine = Sign(new BitstringStatusList().CreateCredential(Url, schoolDid, "revocation", s_now), school);

        Assert.False(StatusListCredential.TryVerify(forged, Url, schoolDid, new() { Now = s_now }, out _, out var reason));
        Assert.Contains("issuer", reason, StringComparison.Ordinal);
        Assert.False(StatusListCredential.TryVerify(genuine, Url + "0", schoolDid, new() { Now = s_now }, out _, out _));
        Assert.True(StatusListCredential.TryVerify(genuine, Url, schoolDid, new() { Now = s_now }, out var list, out _));
        Assert.Equal("revocation", list!.Purpose);
    }

    private static JsonObject WithStatus(Ed25519KeyPair pair)
    {
        var credential = TestDocuments.Credential(DidKey.Create(pair.PublicKey));
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = $"{Url}#{Index}", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "revocation",
            ["statusListIndex"] = Index.ToString(System.Globalization.CultureInfo.InvariantCulture), ["statusListCredential"] = Url,
        };
        return DataIntegrityProof.Sign(credential, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);
    }

    private static StatusListCredential SignedList(Ed25519KeyPair pair, DateTimeOffset from, DateTimeOffset until, bool revoked, string purpose = "revocation")
    {
        var bits = new BitstringStatusList();
        bits.Set(Index, revoked);
        var signed = Sign(bits.CreateCredential(Url, DidKey.Create(pair.PublicKey), purpose, from, until), pair);
        Assert.True(StatusListCredential.TryVerify(signed, Url, DidKey.Create(pair.PublicKey), new() { Now = from }, out var list, out var reason), reason);
        return list!;
    }

    private static JsonObject Sign(JsonObject document, Ed25519KeyPair pair) =>
        DataIntegrityProof.Sign(document, TestDocuments.Options(pair, "eddsa-jcs-2022"), pair);
}
