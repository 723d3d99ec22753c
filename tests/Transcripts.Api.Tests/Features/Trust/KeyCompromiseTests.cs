using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Trust;

namespace Transcripts.Api.Tests.Features.Trust;

/// <summary>
/// Attacks on the trust rule, tried through the service's own verify endpoint and the office's verifier at once: forged
/// proofs, key rotation, key compromise. Both must give the same verdict from the same published facts.
/// </summary>
public sealed class KeyCompromiseTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static JsonObject Resign(JsonObject credential, string method, KeyPair key, DateTimeOffset created, Action<JsonObject>? change = null)
    {
        var unsigned = credential.DeepClone().AsObject();
        unsigned.Remove("proof");
        change?.Invoke(unsigned);
        return DataIntegrityProof.Sign(unsigned, new ProofOptions { Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = method, Created = created }, key);
    }

    [SkippableFact]
    public async Task Forged_proof_by_an_unrelated_did_key_for_the_schools_did_web_is_invalid_via_api_and_cli()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var genuine = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        using var stranger = Ed25519KeyPair.Generate();
        var forged = Resign(genuine, DidKey.VerificationMethodId(stranger.PublicKey), stranger, app.Clock.GetUtcNow());
        using var office = new OfficeVerifier();
        await office.TrustAsync(app, seeded.School.Id);
        using var anonymous = app.CreateClient();

        var api = await anonymous.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = forged });
        var cli = await office.VerifyAsync(app, office.Write("forged.json", forged));

        var problem = await Problem.AssertAsync(api, HttpStatusCode.UnprocessableEntity, "verification-failed");
        Assert.Contains("issuer trusted: ", problem.GetProperty("detail").GetString());
        Assert.Contains("another party's key", problem.GetProperty("detail").GetString());
        Assert.Equal(1, cli.Exit);
        Assert.Equal(0, await OfficeVerifier.ApiVerdictAsync(anonymous, genuine));
    }

    [SkippableFact]
    public async Task Rotation_round_trip_keeps_the_printed_pdf_and_its_qr_token_valid_and_destroys_the_old_private_key()
    {
        var issued = await Transcripts.IssuedTranscript.CreateAsync(app);
        using var registrar = app.CreateClientFor(issued.School.Registrar);
        using var admin = app.CreateClientFor(issued.School.Admin);
        using var office = new OfficeVerifier();
        var oldBundle = await office.TrustAsync(app, issued.School.Id);
        var pdf = office.Write("printed.pdf", await registrar.GetByteArrayAsync($"/credentials/{issued.CredentialId}/pdf"));
        var oldKey = await OfficeVerifier.ActiveKeyAsync(app, issued.School.Id);
        app.Clock.Advance(TimeSpan.FromDays(30));

        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromDays(400));
        var newBundle = await office.TrustAsync(app, issued.School.Id);
        var run = await office.VerifyAsync(app, pdf);

        Assert.True(run.Exit == 0, run.Out + run.Err);
        var report = JsonNode.Parse(run.Out)!;
        Assert.Equal("passed", (string)report["inputs"]![0]!["checks"]!.AsArray().Single(c => (string)c!["name"]! == "QR token")!["status"]!);
        // Retirement destroyed the private key: a thief with the database and the KEK gets nothing to sign with.
        Assert.Null(await OfficeVerifier.StealAsync(app, oldKey));
        // The newer bundle follows from the one the office had: signed by the new key, which the old one named before it went.
        var newer = TrustBundle.Read(newBundle);
        Assert.True(newer.Continues(TrustBundle.Read(oldBundle).Institution, newBundle, out var reason), reason);
    }

    [SkippableFact]
    public async Task Compromise_round_trip_refuses_a_backdated_forgery_and_keeps_a_genuine_credential_on_the_schools_list()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        var genuine = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        var issuedAt = app.Clock.GetUtcNow();
        var compromised = await OfficeVerifier.ActiveKeyAsync(app, seeded.School.Id);
        using var stolen = (await OfficeVerifier.StealAsync(app, compromised))!;
        app.Clock.Advance(TimeSpan.FromDays(10));
        // The thief signs a credential of their own, dated before anyone knew: "created" is theirs to write.
        var method = (string)genuine["proof"]!["verificationMethod"]!;
        var forgery = Resign(genuine, method, stolen, issuedAt, c => c["credentialSubject"]!["id"] = "did:example:the-thief");

        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })).EnsureSuccessStatusCode();
        var revoked = await admin.PostAsJsonAsync($"/signing-keys/{compromised}/revoke",
            new { reason = "Backup tape lost", revokedAt = issuedAt.AddHours(1) });
        revoked.EnsureSuccessStatusCode();
        using var office = new OfficeVerifier();
        var bundle = await office.TrustAsync(app, seeded.School.Id);
        using var anonymous = app.CreateClient();

        Assert.Equal(1, await OfficeVerifier.ApiVerdictAsync(anonymous, forgery));
        Assert.Equal(0, await OfficeVerifier.ApiVerdictAsync(anonymous, genuine));
        var forged = await office.VerifyAsync(app, office.Write("forgery.json", forgery));
        Assert.Equal(1, forged.Exit);
        Assert.Contains("not on", forged.Out);
        var kept = await office.VerifyAsync(app, office.Write("genuine.json", genuine));
        Assert.True(kept.Exit == 0, kept.Out + kept.Err);
        // Published: the key as revoked from the cut-off, and the signed list of what it really signed.
        var read = TrustBundle.Read(bundle);
        Assert.Empty(read.Problems);
        Assert.Equal(KeyState.Revoked, read.Institution.Find(method)!.State);
        Assert.Equal(issuedAt.AddHours(1), read.Institution.Find(method)!.RevokedAt);
        Assert.Contains(IssuedCredentialsList.Digest(genuine), read.Institution.IssuedCredentials[method]);
        Assert.Null(await OfficeVerifier.StealAsync(app, compromised));
    }

    [SkippableFact]
    public async Task Api_and_cli_give_the_same_verdict_over_valid_tampered_and_forged_inputs()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var genuine = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        using var stranger = Ed25519KeyPair.Generate();
        var method = (string)genuine["proof"]!["verificationMethod"]!;
        var tampered = genuine.DeepClone().AsObject();
        tampered["credentialSubject"]!["id"] = "did:example:someone-else";
        var selfIssued = Resign(genuine, DidKey.VerificationMethodId(stranger.PublicKey), stranger, app.Clock.GetUtcNow(),
            c => c["issuer"] = DidKey.Create(stranger.PublicKey));
        var corpus = new Dictionary<string, (JsonObject Credential, int Expected)>
        {
            ["valid"] = (genuine, 0),
            ["tampered subject"] = (tampered, 1),
            ["unrelated did:key for the school"] = (Resign(genuine, DidKey.VerificationMethodId(stranger.PublicKey), stranger, app.Clock.GetUtcNow()), 1),
            ["school key id, stranger's signature"] = (Resign(genuine, method, stranger, app.Clock.GetUtcNow()), 1),
            ["school's did:web, unpublished key id"] = (Resign(genuine, method.Split('#')[0] + "#" + Multikey.Encode(stranger.PublicKey), stranger, app.Clock.GetUtcNow()), 1),
            ["self-issued by a stranger"] = (selfIssued, 3),
        };
        using var office = new OfficeVerifier();
        await office.TrustAsync(app, seeded.School.Id);
        using var anonymous = app.CreateClient();

        foreach (var (name, (credential, expected)) in corpus)
        {
            var api = await OfficeVerifier.ApiVerdictAsync(anonymous, credential);
            var cli = await office.VerifyAsync(app, office.Write(name.Replace(' ', '-') + ".json", credential));
            Assert.True(api == expected, $"{name}: the API said {api}, expected {expected}");
            Assert.True(cli.Exit == expected, $"{name}: the CLI said {cli.Exit}, expected {expected}\n{cli.Out}{cli.Err}");
        }
    }

    [SkippableFact]
    public async Task Revocation_of_a_did_key_institutions_key_is_honoured_from_the_bundle()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        (await admin.PutAsJsonAsync("/signing-keys/settings", new { cryptosuite = "eddsa-rdfc-2022", usesDidKey = true })).EnsureSuccessStatusCode();
        // A new attainment: the seeded one already has its credential, signed under did:web before the switch.
        var awarded = await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{seeded.School.LearnerB}/attainments",
            new { version = (int?)null, competencyId = seeded.School.Competencies[1], levelId = seeded.School.Levels[3], reason = "Transfer credit" }));
        var genuine = await Issuance.IssueAchievementAsync(registrar, awarded.GetProperty("id").GetGuid());
        Assert.StartsWith("did:key:", (string)genuine["issuer"]!["id"]!);
        var compromised = await OfficeVerifier.ActiveKeyAsync(app, seeded.School.Id);
        using var stolen = (await OfficeVerifier.StealAsync(app, compromised))!;
        var forgery = Resign(genuine, (string)genuine["proof"]!["verificationMethod"]!, stolen, app.Clock.GetUtcNow(),
            c => c["credentialSubject"]!["id"] = "did:example:the-thief");
        using var office = new OfficeVerifier();
        await office.TrustAsync(app, seeded.School.Id);
        var before = await office.VerifyAsync(app, office.Write("forgery-before.json", forgery));
        Assert.True(before.Exit == 0, before.Out + before.Err);

        (await admin.PostAsJsonAsync("/signing-keys", new { })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/signing-keys/{compromised}/revoke", new { reason = "Key file leaked" })).EnsureSuccessStatusCode();
        await office.TrustAsync(app, seeded.School.Id);
        using var anonymous = app.CreateClient();

        Assert.Equal(1, (await office.VerifyAsync(app, office.Write("forgery.json", forgery))).Exit);
        Assert.Equal(0, (await office.VerifyAsync(app, office.Write("genuine.json", genuine))).Exit);
        Assert.Equal(1, await OfficeVerifier.ApiVerdictAsync(anonymous, forgery));
        Assert.Equal(0, await OfficeVerifier.ApiVerdictAsync(anonymous, genuine));
    }
}
