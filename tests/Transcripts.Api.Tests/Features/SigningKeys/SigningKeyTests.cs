using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.SigningKeys;

public abstract class SigningKeyTests(TranscriptsApp app)
{
    private static byte[] Open(Guid id, byte[] sealedKey)
    {
        var plain = new byte[sealedKey.Length - 28];
        using var aes = new AesGcm(Convert.FromBase64String(TranscriptsApp.Kek), 16);
        aes.Decrypt(sealedKey.AsSpan(0, 12), sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), plain, id.ToByteArray());
        return plain;
    }

    [SkippableFact]
    public async Task A_new_key_is_sealed_under_the_kek_with_its_row_id_and_published_as_a_multikey()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);

        var response = await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" });
        var body = await response.Content.ReadAsStringAsync();
        var created = await Seeded.Json(response);
        var id = created.GetProperty("id").GetGuid();
        var stored = await app.WithDbAsync(db => db.SigningKeys.SingleAsync(k => k.Id == id));
        using var anonymous = app.CreateClient();
        var did = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{school.Id}/did.json"))!;

        var seed = Open(id, stored.SealedPrivateKey);
        using var pair = Ed25519KeyPair.FromSeed(seed);
        Assert.Equal(stored.PublicKeyMultibase, Multikey.Encode(pair.PublicKey));
        Assert.DoesNotContain(Convert.ToBase64String(seed), body);
        Assert.Throws<AuthenticationTagMismatchException>(() => Open(Guid.NewGuid(), stored.SealedPrivateKey));
        Assert.StartsWith("z6Mk", stored.PublicKeyMultibase);
        Assert.Equal(school.Did, (string)did["id"]!);
        var method = did["verificationMethod"]![0]!;
        Assert.Equal("Multikey", (string)method["type"]!);
        Assert.Equal(stored.PublicKeyMultibase, (string)method["publicKeyMultibase"]!);
        Assert.Equal((string)method["id"]!, (string)did["assertionMethod"]![0]!);
        var hosted = new HttpRequestMessage(HttpMethod.Get, "/.well-known/did.json");
        hosted.Headers.Host = school.Host;
        var wellKnown = await anonymous.SendAsync(hosted);
        Assert.Contains(stored.PublicKeyMultibase, await wellKnown.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Rotation_keeps_earlier_credentials_verifiable_and_publishes_the_retired_key_with_expires()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var before = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        app.Clock.Advance(TimeSpan.FromDays(1));

        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "P256" })).EnsureSuccessStatusCode();
        (await registrar.PutAsJsonAsync($"/assessments/{seeded.AssessmentId}",
            new { levelId = seeded.School.Levels[3], assessedOn = "2026-09-01", version = 0, reason = "Moderation raised the mark" })).EnsureSuccessStatusCode();
        var after = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        using var anonymous = app.CreateClient();
        var did = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{seeded.School.Id}/did.json"))!;

        var credentialKeys = CredentialKeys(did);
        Assert.Equal(2, credentialKeys.Count);
        Assert.NotNull(credentialKeys[0]["expires"]);
        Assert.Null(credentialKeys[1]["expires"]);
        Assert.Equal("ecdsa-rdfc-2019", (string)after["proof"]!["cryptosuite"]!);
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, seeded.School.Id, after)).Outcome);
        var old = await Issuance.VerifyAsync(app, seeded.School.Id, before);
        Assert.Equal(CheckStatus.Passed, old[CheckNames.Proof]!.Status);
    }

    [SkippableFact]
    public async Task A_revoked_key_is_published_as_revoked_and_nothing_is_issued_until_a_new_key_exists()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var key = (await Seeded.Json(await admin.PostAsJsonAsync("/signing-keys", new { }))).GetProperty("id").GetGuid();

        (await admin.PostAsJsonAsync($"/signing-keys/{key}/revoke", new { reason = "Laptop stolen" })).EnsureSuccessStatusCode();
        var before = await app.SnapshotAsync();
        var refused = await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId });
        var after = await app.SnapshotAsync();
        using var anonymous = app.CreateClient();
        var did = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{seeded.School.Id}/did.json"))!;

        await Problem.AssertAsync(refused, HttpStatusCode.Conflict, "no-active-signing-key");
        Assert.Equal(before, after);
        Assert.Single(CredentialKeys(did), m => m["revoked"] is not null);
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/signing-keys/{key}/revoke", new { reason = "again" }), HttpStatusCode.Conflict, "signing-key-revoked");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/signing-keys", new { }), HttpStatusCode.Forbidden, "forbidden");
        (await admin.PostAsJsonAsync("/signing-keys", new { })).EnsureSuccessStatusCode();
        (await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId })).EnsureSuccessStatusCode();
    }

    [SkippableFact]
    public async Task The_trust_bundle_has_the_did_document_profile_and_status_lists_and_did_key_works_the_same()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        (await admin.PutAsJsonAsync("/signing-keys/settings", new { cryptosuite = "eddsa-jcs-2022", usesDidKey = true })).EnsureSuccessStatusCode();
        var awarded = await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{seeded.School.LearnerB}/attainments",
            new { version = (int?)null, competencyId = seeded.School.Competencies[1], levelId = seeded.School.Levels[3], reason = "Transfer credit" }));

        var credential = await Issuance.IssueAchievementAsync(registrar, awarded.GetProperty("id").GetGuid());
        using var anonymous = app.CreateClient();
        var bundle = JsonNode.Parse(await anonymous.GetStringAsync($"/institutions/{seeded.School.Id}/trust-bundle"))!;

        var did = (string)bundle["didDocument"]!["id"]!;
        Assert.StartsWith("did:key:z6Mk", did);
        Assert.Equal(did, (string)credential["issuer"]!["id"]!);
        Assert.Equal("Test school", (string)bundle["profile"]!["name"]!);
        Assert.Single(bundle["statusLists"]!.AsArray());
        Assert.Equal("eddsa-jcs-2022", (string)credential["proof"]!["cryptosuite"]!);
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, seeded.School.Id, credential)).Outcome);
        await Problem.AssertAsync(await admin.PutAsJsonAsync("/signing-keys/settings", new { cryptosuite = "ecdsa-rdfc-2019" }),
            HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await anonymous.GetAsync($"/institutions/{Guid.NewGuid()}/trust-bundle"), HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task An_institutions_first_key_is_made_once_when_several_issuances_meet_its_first_use()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        var attainments = new List<Guid>();
        foreach (var learner in new[] { school.LearnerA, school.LearnerB })
        {
            foreach (var competency in school.Competencies)
            {
                var awarded = await Seeded.Json(await admin.PostAsJsonAsync($"/learners/{learner}/attainments",
                    new { version = (int?)null, competencyId = competency, levelId = school.Levels[^1], reason = "Transfer credit" }));
                attainments.Add(awarded.GetProperty("id").GetGuid());
            }
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.SigningKeys.CountAsync(k => k.InstitutionId == school.Id)));

        // Every issuance starts at once, each finding no key: before the first key was made in a write turn, the late ones
        // failed ("no active key") or each made a key of its own, all active.
        using var start = new SemaphoreSlim(0);
        var issuing = attainments.Select(async attainment =>
        {
            await start.WaitAsync();
            return await admin.PostAsJsonAsync("/credentials/achievements", new { attainmentId = attainment });
        }).ToList();
        start.Release(issuing.Count);
        var responses = await Task.WhenAll(issuing);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var keys = await app.WithDbAsync(db => db.SigningKeys.Where(k => k.InstitutionId == school.Id).ToListAsync());
        var key = Assert.Single(keys);
        Assert.True(key.IsActive);
        Assert.Equal(attainments.Count, await app.WithDbAsync(db => db.Credentials.CountAsync(c => c.InstitutionId == school.Id && c.SigningKeyId == key.Id)));
    }

    /// <summary>The keys a DID document lists for signing credentials (its document-signing keys are listed beside them).</summary>
    private static List<JsonObject> CredentialKeys(JsonNode did)
    {
        var assertion = did["assertionMethod"]!.AsArray().Select(m => (string)m!).ToHashSet();
        return [.. did["verificationMethod"]!.AsArray().Select(m => m!.AsObject()).Where(m => assertion.Contains((string)m["id"]!))];
    }

    public sealed class OnSqlite(SqliteApp app) : SigningKeyTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : SigningKeyTests(app), IClassFixture<PostgresApp>;
}

public sealed class KeyEncryptionKeyTests(NoKekSqliteApp app) : IClassFixture<NoKekSqliteApp>
{
    [Fact]
    public async Task Without_a_key_encryption_key_nothing_is_created_or_signed()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        var awarded = await Seeded.Json(await admin.PostAsJsonAsync($"/learners/{school.LearnerA}/attainments",
            new { version = (int?)null, competencyId = school.Competencies[0], levelId = school.Levels[3], reason = "Transfer credit" }));
        var before = await app.SnapshotAsync();

        await Problem.AssertAsync(await admin.PostAsJsonAsync("/signing-keys", new { }), HttpStatusCode.ServiceUnavailable, "key-encryption-key-missing");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/credentials/achievements", new { attainmentId = awarded.GetProperty("id").GetGuid() }),
            HttpStatusCode.ServiceUnavailable, "key-encryption-key-missing");

        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.SigningKeys.CountAsync()));
    }
}
