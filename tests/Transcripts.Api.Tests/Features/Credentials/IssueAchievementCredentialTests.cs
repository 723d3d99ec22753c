using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.Credentials;

public abstract class IssueAchievementCredentialTests(TranscriptsApp app)
{
    private const string Schema = "ob-v3p0/purl-jsonld-variant/ob_v3p0_achievementcredential_schema.json";

    [SkippableFact]
    public async Task Issue_returns_an_open_badge_that_matches_the_schema_and_verifies()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);

        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);

        Assert.Equal("", Issuance.ValidateSchema(Schema, credential));
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            credential["@context"]!.AsArray().Select(c => (string)c!));
        Assert.StartsWith("urn:uuid:", (string)credential["id"]!);
        Assert.Equal(seeded.School.Did, (string)credential["issuer"]!["id"]!);
        var achievement = credential["credentialSubject"]!["achievement"]!;
        Assert.Equal("Competency", (string)achievement["achievementType"]!);
        Assert.Equal("CFItem", (string)achievement["alignment"]![0]!["targetType"]!);
        Assert.Equal(4, achievement["resultDescription"]![0]!["rubricCriterionLevel"]!.AsArray().Count);
        Assert.Equal("urn:uuid:" + seeded.School.Levels[2], (string)credential["credentialSubject"]!["result"]![0]!["achievedLevel"]!);
        Assert.Equal("Essay", (string)credential["evidence"]![0]!["name"]!);
        Assert.Equal("eddsa-rdfc-2022", (string)credential["proof"]!["cryptosuite"]!);
        var report = await Issuance.VerifyAsync(app, seeded.School.Id, credential);
        Assert.True(report.Outcome == CheckStatus.Passed, report.ToString());
    }

    [SkippableFact]
    public async Task Schema_check_reports_an_issued_badge_without_issuer_or_with_a_malformed_date()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        Assert.Equal("", Issuance.ValidateSchema(Schema, credential));

        var withoutIssuer = credential.DeepClone().AsObject();
        withoutIssuer.Remove("issuer");
        var badDate = credential.DeepClone().AsObject();
        badDate["validFrom"] = "yesterday";

        Assert.Contains("issuer", Issuance.ValidateSchema(Schema, withoutIssuer));
        Assert.Contains("/validFrom", Issuance.ValidateSchema(Schema, badDate));
    }

    [SkippableFact]
    public async Task Get_returns_exactly_the_stored_bytes_and_issuing_again_returns_the_same_credential()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var first = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId }));
        var id = first.GetProperty("id").GetGuid();

        var again = await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId }));
        var response = await registrar.GetAsync($"/credentials/{id}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(id, again.GetProperty("id").GetGuid());
        Assert.Equal("application/vc", response.Content.Headers.ContentType?.MediaType);
        var stored = await app.WithDbAsync(db => db.Credentials.SingleAsync(c => c.Id == id));
        Assert.Equal(stored.Bytes, bytes);
    }

    [SkippableFact]
    public async Task A_changed_attainment_issues_a_correction_and_revokes_the_old_credential_as_superseded()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var old = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        (await registrar.PutAsJsonAsync($"/assessments/{seeded.AssessmentId}",
            new { levelId = seeded.School.Levels[3], assessedOn = "2026-09-01", version = 0, reason = "Moderation raised the mark" })).EnsureSuccessStatusCode();

        var corrected = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);

        Assert.NotEqual((string)old["id"]!, (string)corrected["id"]!);
        var stored = await app.WithDbAsync(db => db.Credentials.SingleAsync(c => c.Id == Issuance.IdOf(old)));
        Assert.Equal("superseded", stored.RevocationReason);
        Assert.Equal(Issuance.IdOf(corrected), stored.SupersededById);
        var report = await Issuance.VerifyAsync(app, seeded.School.Id, old);
        Assert.Equal(CheckStatus.Failed, report[CheckNames.Status]!.Status);
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, seeded.School.Id, corrected)).Outcome);
    }

    [SkippableFact]
    public async Task Issue_refuses_unknown_foreign_and_withdrawn_attainments_and_stores_nothing()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        (await registrar.PostAsJsonAsync($"/attainments/{seeded.AttainmentId}/withdraw", new { reason = "Recorded in error", version = 0 }))
            .EnsureSuccessStatusCode();
        var before = await app.SnapshotAsync();
        var credentials = await app.WithDbAsync(db => db.Credentials.CountAsync());

        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = Guid.NewGuid() }),
            HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = other.AttainmentId }),
            HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId }),
            HttpStatusCode.Conflict, "attainment-not-attained");
        await Problem.AssertAsync(await registrar.PostAsJsonAsync("/credentials/achievements", new { }), HttpStatusCode.BadRequest, "malformed-json");

        Assert.Equal(before, await app.SnapshotAsync());
        Assert.Equal(credentials, await app.WithDbAsync(db => db.Credentials.CountAsync()));
    }

    [SkippableFact]
    public async Task A_learner_reads_only_their_own_credentials_and_another_institution_sees_nothing()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await app.SeedInstitutionAsync("Other school");
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var credential = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        var id = Issuance.IdOf(credential);
        using var owner = app.CreateClientFor(seeded.School.LearnerAKey);
        using var classmate = app.CreateClientFor(seeded.School.LearnerBKey);
        using var stranger = app.CreateClientFor(other.Registrar);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);

        Assert.Equal(credential.ToJsonString(), (await Issuance.GetCredentialAsync(owner, id)).ToJsonString());
        await Problem.AssertAsync(await classmate.GetAsync($"/credentials/{id}"), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await stranger.GetAsync($"/credentials/{id}"), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await stranger.GetAsync($"/learners/{seeded.School.LearnerA}/credentials"), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await assessor.PostAsJsonAsync("/credentials/achievements", new { attainmentId = seeded.AttainmentId }),
            HttpStatusCode.Forbidden, "forbidden");
        var listed = await Seeded.Json(await owner.GetAsync($"/learners/{seeded.School.LearnerA}/credentials"));
        Assert.Equal(id, listed[0].GetProperty("id").GetGuid());
        var disclosures = await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.LearnerId == seeded.School.LearnerA && d.Record.StartsWith("credential")));
        Assert.True(disclosures >= 1);
    }

    public sealed class OnSqlite(SqliteApp app) : IssueAchievementCredentialTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : IssueAchievementCredentialTests(app), IClassFixture<PostgresApp>;
}
