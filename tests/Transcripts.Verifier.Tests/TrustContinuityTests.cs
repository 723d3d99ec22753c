using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;

namespace Transcripts.Verifier.Tests;

/// <summary>An office's trust store stays its own: no silent replacement, and the report names issuers as the store does.</summary>
public sealed class TrustContinuityTests
{
    /// <summary>The fixtures' bundle with another name and one more key, signed by <paramref name="signer"/> (null: unsigned).</summary>
    public static JsonObject NewerBundle(string name, Ed25519KeyPair extraKey, Ed25519KeyPair? signer, bool revokeSchoolKey = false, string? url = null)
    {
        var bundle = Files.Json("riverside.trust.json");
        bundle["profile"]!["name"] = name;
        var extra = $"{Files.Did}#{Multikey.Encode(extraKey.PublicKey)}";
        bundle["didDocument"]!["verificationMethod"]!.AsArray().Add(new JsonObject
        {
            ["id"] = extra, ["type"] = "Multikey", ["controller"] = Files.Did, ["publicKeyMultibase"] = Multikey.Encode(extraKey.PublicKey),
        });
        bundle["didDocument"]!["assertionMethod"]!.AsArray().Add(extra);
        if (revokeSchoolKey)
        {
            bundle["didDocument"]!["verificationMethod"]![0]!["revoked"] = "2026-07-01T00:00:00Z";
        }
        if (url is not null)
        {
            bundle["url"] = url;
        }
        if (signer is null)
        {
            return bundle;
        }
        var method = signer.PublicKey.Equals(Signatures.School().PublicKey) ? Files.KeyId : extra;
        return TrustBundle.Sign(bundle, method, signer, VerifierRun.Now);
    }

    [Fact]
    public async Task Trust_add_without_replace_refuses_to_overwrite_an_entry_and_shows_what_would_change()
    {
        using var store = TempStore.Trusting(withStatusList: false);
        using var attacker = Ed25519KeyPair.Generate();
        var path = store.Write("newer.json", Encoding.UTF8.GetBytes(NewerBundle("Riverside College (new)", attacker, signer: null).ToJsonString()));

        var refused = await VerifierRun.RunAsync("trust", "add", path, "--trust-store", store.Folder);
        var listed = await VerifierRun.RunAsync("trust", "list", "--trust-store", store.Folder);
        var replaced = await VerifierRun.RunAsync("trust", "add", path, "--replace", "--trust-store", store.Folder);
        var after = await VerifierRun.RunAsync("trust", "list", "--trust-store", store.Folder);

        Assert.Equal(ExitCodes.Usage, refused.Exit);
        Assert.Contains("Name: Riverside Community College → Riverside College (new)", refused.Err);
        Assert.Contains($"+ key {Files.Did}#{Multikey.Encode(attacker.PublicKey)}", refused.Err);
        Assert.Contains("--replace", refused.Err);
        Assert.Contains("Riverside Community College", listed.Out);
        Assert.DoesNotContain("Riverside College (new)", listed.Out);
        Assert.Equal(ExitCodes.Valid, replaced.Exit);
        Assert.Contains("Riverside College (new)", after.Out);
    }

    [Fact]
    public async Task Report_names_the_issuer_as_the_trust_store_knows_it_not_as_the_credential_claims()
    {
        using var store = new TempStore();
        var bundle = Files.Json("riverside.trust.json");
        bundle["profile"]!["name"] = "Riverside CC (checked by phone, 2026-08-01)";
        new TrustStore.TrustStore(store.Folder).Add(Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        var credential = Files.Json("ob-achievement.json");

        var text = await VerifierRun.RunAsync("verify", Files.Path("ob-achievement.json"), "--no-status", "--trust-store", store.Folder);
        var (_, json) = await VerifierRun.VerifyJsonAsync(store, Files.Path("ob-achievement.json"), "--no-status");

        Assert.Equal(ExitCodes.Valid, text.Exit);
        Assert.Matches(@"Issuer:\s+Riverside CC \(checked by phone, 2026-08-01\) \(did:web:riverside\.example\.edu\)", text.Out);
        Assert.Equal("Riverside CC (checked by phone, 2026-08-01)", (string?)json["inputs"]![0]!["summary"]!["issuerTrustedName"]);
        Assert.NotEqual((string?)credential["issuer"]!["name"], (string?)json["inputs"]![0]!["summary"]!["issuerTrustedName"]);
    }
}
