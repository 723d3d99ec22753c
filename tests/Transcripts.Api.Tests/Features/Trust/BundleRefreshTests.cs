using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Tests.Features.Verification;
using Transcripts.Signing.Proofs;

namespace Transcripts.Api.Tests.Features.Trust;

/// <summary>
/// The service and the office's verifier over real HTTP: the office trusts the school once, and from then on runs
/// <c>status refresh</c>, which fetches the school's trust bundle from the address the bundle gave. A routine rotation
/// reaches the office by key continuity with no file handed over; after a compromise nothing the stolen key signed after
/// its cut-off can vouch for a successor, so the refresh applies the revocation at once and leaves the new key to be
/// confirmed by hand.
/// </summary>
public sealed class BundleRefreshTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [SkippableFact]
    public async Task Status_refresh_follows_a_routine_rotation_and_brings_a_key_revocation_to_the_office_so_a_backdated_forgery_fails()
    {
        var school = await app.SeedInstitutionAsync("Refreshing school");
        // The school publishes at this service's real loopback address, so the bundle's url is one the office can fetch.
        await app.WithDbAsync(async db =>
        {
            var row = await db.Institutions.SingleAsync(i => i.Id == school.Id);
            row.PublicBaseUrl = app.BaseAddress.ToString();
            return await db.SaveChangesAsync();
        });
        using var admin = app.CreateClientFor(school.Admin);
        using var office = new OfficeVerifier();
        var first = await IssueAsync(school, school.LearnerA, 2);
        var bundle = await office.TrustAsync(app, school.Id);
        Assert.StartsWith(app.BaseAddress.ToString(), (string)bundle["url"]!);

        // Routine rotation: the old key names its successor before it retires, so the refresh takes the new bundle.
        app.Clock.Advance(TimeSpan.FromDays(30));
        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })).EnsureSuccessStatusCode();
        var second = await IssueAsync(school, school.LearnerB, 3);
        var secondPath = office.Write("second.json", second);
        var unknownYet = await office.VerifyAsync(app, secondPath);
        var rotated = await office.RunAsync(app.Clock.GetUtcNow(), "status", "refresh");

        Assert.NotEqual(0, unknownYet.Exit);
        Assert.True(rotated.Exit == 0, rotated.Out + rotated.Err);
        Assert.Contains("Updated.", rotated.Out);
        Assert.Equal(0, (await office.VerifyAsync(app, secondPath)).Exit);
        Assert.Equal(0, (await office.VerifyAsync(app, office.Write("first.json", first))).Exit);

        // The new key is stolen; the thief backdates a credential of their own to before the school knew.
        var compromised = await OfficeVerifier.ActiveKeyAsync(app, school.Id);
        var stolenFrom = app.Clock.GetUtcNow();
        using var stolen = (await OfficeVerifier.StealAsync(app, compromised))!;
        app.Clock.Advance(TimeSpan.FromDays(10));
        var forgery = second.DeepClone().AsObject();
        forgery.Remove("proof");
        forgery["credentialSubject"]!["id"] = "did:example:the-thief";
        forgery = DataIntegrityProof.Sign(forgery, new ProofOptions
        {
            Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = (string)second["proof"]!["verificationMethod"]!, Created = stolenFrom.AddHours(2),
        }, stolen);
        var forgeryPath = office.Write("forgery.json", forgery);
        var passedBefore = await office.VerifyAsync(app, forgeryPath);

        (await admin.PostAsJsonAsync("/signing-keys", new { keyType = "Ed25519" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/signing-keys/{compromised}/revoke", new { reason = "Laptop stolen", revokedAt = stolenFrom.AddHours(1) }))
            .EnsureSuccessStatusCode();
        var afterCompromise = await office.RunAsync(app.Clock.GetUtcNow(), "status", "refresh");
        var forged = await office.VerifyAsync(app, forgeryPath);

        // On the copy the office had, the forgery passed: only the refresh can tell it otherwise.
        Assert.True(passedBefore.Exit == 0, passedBefore.Out + passedBefore.Err);
        Assert.NotEqual(0, afterCompromise.Exit);
        Assert.Contains("Refused, not stored", afterCompromise.Out);
        Assert.Contains("REVOKED", afterCompromise.Out);
        Assert.True(forged.Exit == 1, forged.Out + forged.Err);

        // The office confirms the new bundle with the school and imports it: the genuine credential the stolen key signed
        // before the cut-off is on the school's signed list and valid again; the forgery stays invalid.
        await office.TrustAsync(app, school.Id);
        var kept = await office.VerifyAsync(app, secondPath);
        Assert.True(kept.Exit == 0, kept.Out + kept.Err);
        Assert.Equal(1, (await office.VerifyAsync(app, forgeryPath)).Exit);
        Assert.Equal(0, (await office.VerifyAsync(app, office.Write("first-again.json", first))).Exit);
        Assert.Equal(0, (await office.RunAsync(app.Clock.GetUtcNow(), "status", "refresh")).Exit);
    }

    private async Task<JsonObject> IssueAsync(School school, Guid learner, int level)
    {
        using var assessor = app.CreateClientFor(school.Assessor);
        using var registrar = app.CreateClientFor(school.Registrar);
        var recorded = await Seeded.Json(await assessor.PostAsJsonAsync("/assessments",
            new { learnerId = learner, competencyId = school.Competencies[0], levelId = school.Levels[level] }));
        return await Issuance.IssueAchievementAsync(registrar, recorded.GetProperty("attainment").GetProperty("id").GetGuid());
    }
}
