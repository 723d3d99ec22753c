using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Tests.Features.Assessments;

/// <summary>A withdrawn or downgraded attainment takes its badge, and every transcript embedding it, with it.</summary>
public abstract class WithdrawalRevokesCredentialsTests(TranscriptsApp app)
{
    private sealed record Issued(Seeded Seeded, HttpClient Registrar, JsonObject Badge, JsonObject OtherBadge, JsonObject Transcript, Guid OtherAttainment);

    private async Task<Issued> IssueAsync()
    {
        var seeded = await Seeded.CreateAsync(app);
        var registrar = app.CreateClientFor(seeded.School.Registrar);
        var other = (await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/attainments",
            new { competencyId = seeded.School.Competencies[2], levelId = seeded.School.Levels[3], reason = "Transfer credit" }))).GetProperty("id").GetGuid();
        var badge = await Issuance.IssueAchievementAsync(registrar, seeded.AttainmentId);
        var otherBadge = await Issuance.IssueAchievementAsync(registrar, other);
        var transcript = await Issuance.GetCredentialAsync(registrar,
            (await Seeded.Json(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }))).GetProperty("id").GetGuid());
        return new Issued(seeded, registrar, badge, otherBadge, transcript, other);
    }

    [SkippableFact]
    public async Task Withdrawal_revokes_the_badge_and_the_transcript_embedding_it_as_the_preview_said()
    {
        var issued = await IssueAsync();
        var registrar = issued.Registrar;
        var id = issued.Seeded.AttainmentId;

        var preview = await Seeded.Json(await registrar.GetAsync($"/attainments/{id}/withdrawal-preview"));
        var stillValid = await Issuance.VerifyAsync(app, issued.Seeded.School.Id, issued.Badge);
        var withdrawn = await registrar.PostAsJsonAsync($"/attainments/{id}/withdraw",
            new { reason = "Evidence found to be plagiarised", version = preview.GetProperty("version").GetInt32() });

        Assert.Equal(CheckStatus.Passed, stillValid.Outcome);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal([Issuance.IdOf(issued.Badge)], Ids(preview, "achievements"));
        Assert.Equal([Issuance.IdOf(issued.Transcript)], Ids(preview, "transcripts"));
        foreach (var credential in new[] { issued.Badge, issued.Transcript })
        {
            var row = await RowAsync(credential);
            Assert.Equal(CheckStatus.Failed, (await Issuance.VerifyAsync(app, issued.Seeded.School.Id, credential))[CheckNames.Status]!.Status);
            Assert.NotNull(row.RevokedAt);
            Assert.Equal("attainment withdrawn: Evidence found to be plagiarised", row.RevocationReason);
        }
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, issued.Seeded.School.Id, issued.OtherBadge)).Outcome);
        var after = await Seeded.Json(await registrar.GetAsync($"/attainments/{id}/withdrawal-preview"));
        Assert.Empty(Ids(after, "achievements"));
        Assert.Empty(Ids(after, "transcripts"));
    }

    [SkippableFact]
    public async Task Downgrade_by_award_at_a_lower_level_revokes_the_badge_and_the_transcript_but_not_the_other_badge()
    {
        var issued = await IssueAsync();

        (await issued.Registrar.PostAsJsonAsync($"/learners/{issued.Seeded.School.LearnerA}/attainments",
            new { competencyId = issued.Seeded.School.Competencies[2], levelId = issued.Seeded.School.Levels[1], reason = "Regraded on appeal" })).EnsureSuccessStatusCode();

        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, issued.Seeded.School.Id, issued.Badge)).Outcome);
        foreach (var credential in new[] { issued.OtherBadge, issued.Transcript })
        {
            var report = await Issuance.VerifyAsync(app, issued.Seeded.School.Id, credential);
            Assert.Equal("The issuer has revoked this credential.", report[CheckNames.Status]!.Reason);
            Assert.Equal("attainment downgraded: Regraded on appeal", (await RowAsync(credential)).RevocationReason);
        }
    }

    [SkippableFact]
    public async Task The_preview_is_for_registrars_and_404s_for_another_institutions_attainment()
    {
        var issued = await IssueAsync();
        var other = await app.SeedInstitutionAsync("Other school");
        using var assessor = app.CreateClientFor(issued.Seeded.School.Assessor);
        using var stranger = app.CreateClientFor(other.Registrar);

        await Problem.AssertAsync(await assessor.GetAsync($"/attainments/{issued.Seeded.AttainmentId}/withdrawal-preview"), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await stranger.GetAsync($"/attainments/{issued.Seeded.AttainmentId}/withdrawal-preview"), HttpStatusCode.NotFound, "not-found");
    }

    private Task<global::Transcripts.Api.Data.Entities.Credential> RowAsync(JsonObject credential) =>
        app.WithDbAsync(db => db.Credentials.AsNoTracking().SingleAsync(c => c.Id == Issuance.IdOf(credential)));

    private static List<Guid> Ids(JsonElement preview, string name) =>
        [.. preview.GetProperty(name).EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

    public sealed class OnSqlite(SqliteApp app) : WithdrawalRevokesCredentialsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : WithdrawalRevokesCredentialsTests(app), IClassFixture<PostgresApp>;
}
