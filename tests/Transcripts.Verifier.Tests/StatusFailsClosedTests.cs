using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using static Transcripts.Verifier.Tests.VerifierRun;

namespace Transcripts.Verifier.Tests;

/// <summary>Status that fails closed, in the verifier: stale, older, missing or unsafe lists never vouch for a credential.</summary>
[Collection(NetworkTestGroup.Name)]
public sealed class StatusFailsClosedTests
{
    private static readonly DateTimeOffset s_june = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Refresh_never_replaces_the_cached_list_with_an_older_pre_revocation_one()
    {
        // The cache holds the 1 July list, which revokes the credential; the server now serves the 1 June list, which does not.
        using var server = new StatusRefreshTests.LoopbackServer(Bytes(Signatures.EmptyListSignedBySchool(s_june)));
        using var store = StoreListing([server.Url]);
        store.Cache(Files.Json("status-list-1.json"), Now.AddDays(-1));
        Rehome(store, server.Url);

        var refresh = await RunAsync("status", "refresh", "--trust-store", store.Folder);
        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-revoked.json"));

        Assert.Contains("older than the cached copy", refresh.Out);
        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "status"));
    }

    [Fact]
    public async Task Refresh_refuses_an_http_status_list_address_outside_loopback()
    {
        using var store = StoreListing(["http://riverside.example.edu/status/1"]);

        var refresh = await RunAsync("status", "refresh", "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.CannotTell, refresh.Exit);
        Assert.Contains("https only", refresh.Out);
    }

    [Fact]
    public async Task Refresh_finds_a_list_created_after_trust_add_through_the_credentials_statusListCredential_and_verify_uses_it()
    {
        using var server = new StatusRefreshTests.LoopbackServer(url => Bytes(ListAt(url)));
        using var store = StoreListing([]);
        var credential = store.Write("badge.json", PointingAt(Files.Json("ob-achievement.json"), server.Url));

        var before = await RunAsync("status", "refresh", "--trust-store", store.Folder);
        var refresh = await RunAsync("status", "refresh", credential, "--trust-store", store.Folder);
        var (valid, _) = await VerifyJsonAsync(store, credential);

        Assert.Contains("nothing to fetch", before.Out);
        Assert.Equal(ExitCodes.Valid, refresh.Exit);
        Assert.Contains("Cached", refresh.Out);
        Assert.Equal(ExitCodes.Valid, valid.Exit);
    }

    [Fact]
    public async Task Verify_says_cannot_tell_when_the_only_list_has_expired()
    {
        using var store = TempStore.Trusting(withStatusList: false);
        store.Cache(Signatures.EmptyListSignedBySchool(Now.AddHours(-50), Now.AddHours(-2)), Now.AddHours(-49));

        var (run, report) = await VerifyJsonAsync(store, Files.Path("ob-revoked.json"));

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        Assert.Contains("expired", Reason(report, "status"));
    }

    [Fact]
    public async Task Verify_refuses_a_stapled_pre_revocation_list_that_has_expired_even_with_no_cached_copy()
    {
        using var store = TempStore.Trusting(withStatusList: false);
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(Files.Json("ob-revoked.json"), Signatures.EmptyListSignedBySchool(Now.AddDays(-3), Now.AddDays(-1))),
        };

        var (run, report) = await VerifyJsonAsync(store, store.Write("presentation.json", presentation));

        Assert.Equal(ExitCodes.CannotTell, run.Exit);
        var status = report["inputs"]![0]!["credentials"]![0]!["checks"]!.AsArray().Single(c => (string?)c!["name"] == "status")!;
        Assert.Equal("unknown", (string?)status["status"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Verify_finds_a_status_less_credential_from_a_status_required_institution_invalid(bool noStatus)
    {
        using var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["statusRequired"] = true;
        new TrustStore.TrustStore(store.Folder).Save(TrustStore.TrustedIssuer.FromFile(Encoding.UTF8.GetBytes(bundle.ToJsonString())));
        var stripped = Files.Json("ob-achievement.json");
        stripped.Remove("credentialStatus");
        var path = store.Write("stripped.json", Resign(stripped));

        var (run, report) = await VerifyJsonAsync(store, noStatus ? [path, "--no-status"] : [path]);

        Assert.Equal(ExitCodes.Invalid, run.Exit);
        Assert.Equal("failed", Status(report, "status"));
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static TempStore StoreListing(string[] urls)
    {
        var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["statusLists"] = new JsonArray([.. urls.Select(u => (JsonNode?)u)]);
        new TrustStore.TrustStore(store.Folder).Save(TrustStore.TrustedIssuer.FromFile(Encoding.UTF8.GetBytes(bundle.ToJsonString())));
        return store;
    }

    // The cached fixture list was fetched from the real address; say it came from the test server, which now serves another copy.
    private static void Rehome(TempStore store, string url)
    {
        var list = Files.Json("status-list-1.json");
        new TrustStore.StatusCache(new TrustStore.TrustStore(store.Folder).StatusFolder)
            .Save(new TrustStore.CachedStatusList((string)list["id"]!, url, Files.Did, Now.AddDays(-1), list));
    }

    // An empty list at the test server's address, signed by the school an hour ago, valid for 48 hours.
    private static JsonObject ListAt(string url)
    {
        using var key = Signatures.School();
        var list = new BitstringStatusList().CreateCredential(url, Files.Did, "revocation", Now.AddHours(-1), Now.AddHours(47));
        return DataIntegrityProof.Sign(list, new ProofOptions { Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = Files.KeyId, Created = Now.AddHours(-1) }, key);
    }

    private static JsonObject PointingAt(JsonObject credential, string listUrl)
    {
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = listUrl + "#100", ["type"] = "BitstringStatusListEntry", ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "100", ["statusListCredential"] = listUrl,
        };
        return Resign(credential);
    }

    private static JsonObject Resign(JsonObject credential)
    {
        credential.Remove("proof");
        using var key = Signatures.School();
        return DataIntegrityProof.Sign(credential, new ProofOptions
        {
            Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = Files.KeyId, Created = new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.Zero),
        }, key);
    }
}
