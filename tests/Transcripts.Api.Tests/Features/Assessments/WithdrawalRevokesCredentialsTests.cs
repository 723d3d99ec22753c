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
            new { version = (int?)null, competencyId = seeded.School.Competencies[2], levelId = seeded.School.Levels[3], reason = "Transfer credit" }))).GetProperty("id").GetGuid();
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

        var version = (await Seeded.Json(await issued.Registrar.GetAsync($"/attainments/{issued.OtherAttainment}/withdrawal-preview"))).GetProperty("version").GetInt32();
        (await issued.Registrar.PostAsJsonAsync($"/learners/{issued.Seeded.School.LearnerA}/attainments",
            new { version, competencyId = issued.Seeded.School.Competencies[2], levelId = issued.Seeded.School.Levels[1], reason = "Regraded on appeal" })).EnsureSuccessStatusCode();

        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, issued.Seeded.School.Id, issued.Badge)).Outcome);
        foreach (var credential in new[] { issued.OtherBadge, issued.Transcript })
        {
            var report = await Issuance.VerifyAsync(app, issued.Seeded.School.Id, credential);
            Assert.Equal("The issuer has revoked this credential.", report[CheckNames.Status]!.Reason);
            Assert.Equal("attainment downgraded: Regraded on appeal", (await RowAsync(credential)).RevocationReason);
        }
    }

    [SkippableFact]
    public async Task A_new_assessment_the_rule_turns_into_a_lower_level_revokes_the_badge_and_the_transcript_but_a_higher_one_does_not()
    {
        var issued = await IssueAsync();
        var school = issued.Seeded.School;
        using var assessor = app.CreateClientFor(school.Assessor);

        var higher = await assessor.PostAsJsonAsync("/assessments",
            new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[3] });
        var stillValid = await Issuance.VerifyAsync(app, school.Id, issued.Badge);
        var lower = await assessor.PostAsJsonAsync("/assessments",
            new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[1] });

        Assert.Equal(HttpStatusCode.Created, higher.StatusCode);
        Assert.Equal(CheckStatus.Passed, stillValid.Outcome);
        Assert.Equal(HttpStatusCode.Created, lower.StatusCode);
        Assert.Equal("InProgress", (await Seeded.Json(lower)).GetProperty("attainment").GetProperty("status").GetString());
        foreach (var credential in new[] { issued.Badge, issued.Transcript })
        {
            Assert.Equal(CheckStatus.Failed, (await Issuance.VerifyAsync(app, school.Id, credential))[CheckNames.Status]!.Status);
            Assert.Equal("attainment downgraded: a new assessment lowered the level by the framework's mastery rule", (await RowAsync(credential)).RevocationReason);
        }
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, issued.OtherBadge)).Outcome);
    }

    [SkippableTheory]
    [InlineData("corrected", "attainment downgraded: a corrected assessment lowered the level by the framework's mastery rule")]
    [InlineData("removed", "attainment downgraded: an assessment was removed and the level fell")]
    public async Task A_corrected_or_removed_assessment_that_lowers_the_attainment_revokes_the_badge_and_the_transcript(string change, string reason)
    {
        var issued = await IssueAsync();
        var school = issued.Seeded.School;
        using var assessor = app.CreateClientFor(school.Assessor);
        var id = issued.Seeded.AssessmentId;

        using var response = change == "corrected"
            ? await assessor.PutAsJsonAsync($"/assessments/{id}", new { levelId = school.Levels[0], assessedOn = "2026-08-31", version = 0 })
            : await assessor.DeleteAsync($"/assessments/{id}?version=0");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        foreach (var credential in new[] { issued.Badge, issued.Transcript })
        {
            Assert.Equal(CheckStatus.Failed, (await Issuance.VerifyAsync(app, school.Id, credential))[CheckNames.Status]!.Status);
            Assert.Equal(reason, (await RowAsync(credential)).RevocationReason);
        }
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, issued.OtherBadge)).Outcome);
    }

    [SkippableFact]
    public async Task A_mastery_rule_change_that_lowers_an_attainment_revokes_what_it_states_as_its_preview_said()
    {
        var issued = await IssueAsync();
        var school = issued.Seeded.School;
        using var assessor = app.CreateClientFor(school.Assessor);
        var registrar = issued.Registrar;
        foreach (var (on, level) in new[] { ("2026-05-01", 1), ("2026-06-01", 3) })
        {
            (await assessor.PostAsJsonAsync("/assessments",
                new { learnerId = school.LearnerA, competencyId = school.Competencies[1], levelId = school.Levels[level], assessedOn = on })).EnsureSuccessStatusCode();
        }
        var attainment = (await Seeded.Json(await registrar.GetAsync($"/learners/{school.LearnerA}/attainments"))).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("competencyId").GetGuid() == school.Competencies[1]).GetProperty("id").GetGuid();
        var advanced = await Issuance.IssueAchievementAsync(registrar, attainment);
        var rule = $"/frameworks/{school.FrameworkId}/mastery-rule";

        var awardPreviewLower = await Seeded.Json(await registrar.GetAsync($"/attainments/{attainment}/withdrawal-preview?levelId={school.Levels[2]}"));
        var awardPreviewHigher = await Seeded.Json(await registrar.GetAsync($"/attainments/{attainment}/withdrawal-preview?levelId={school.Levels[3]}"));
        var preview = await Seeded.Json(await registrar.PostAsJsonAsync($"{rule}/preview", new { method = "Mean" }));
        var unchanged = await Issuance.VerifyAsync(app, school.Id, advanced);
        var set = await registrar.PutAsJsonAsync(rule, new { method = "Mean", version = preview.GetProperty("version").GetInt32() });

        Assert.Equal([Issuance.IdOf(advanced)], Ids(awardPreviewLower, "achievements"));
        Assert.Empty(Ids(awardPreviewHigher, "achievements"));
        var lowered = Assert.Single(preview.GetProperty("lowered").EnumerateArray());
        Assert.Equal(attainment, lowered.GetProperty("attainmentId").GetGuid());
        Assert.Equal(school.Levels[3], lowered.GetProperty("levelBefore").GetGuid());
        Assert.Equal(school.Levels[2], lowered.GetProperty("levelAfter").GetGuid());
        Assert.Equal([Issuance.IdOf(advanced)], Ids(preview, "achievements"));
        Assert.Empty(Ids(preview, "transcripts"));
        Assert.Equal(CheckStatus.Passed, unchanged.Outcome);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("attainment downgraded: the framework's mastery rule changed and gives a lower level", (await RowAsync(advanced)).RevocationReason);
        Assert.Equal(CheckStatus.Failed, (await Issuance.VerifyAsync(app, school.Id, advanced))[CheckNames.Status]!.Status);
        foreach (var credential in new[] { issued.Badge, issued.Transcript, issued.OtherBadge })
        {
            Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, credential)).Outcome);
        }
        var recomputed = (await Seeded.Json(await registrar.GetAsync($"/attainments/{attainment}/explanation")));
        Assert.Equal("Proficient", recomputed.GetProperty("level").GetString());
    }

    [SkippableFact]
    public async Task Raising_the_mastery_threshold_revokes_what_no_longer_holds_as_its_preview_said_and_lowering_it_back_revokes_nothing()
    {
        var issued = await IssueAsync();
        var school = issued.Seeded.School;
        var registrar = issued.Registrar;
        var scale = $"/scales/{school.ScaleId}";
        var version = (await Seeded.Json(await registrar.GetAsync(scale))).GetProperty("version").GetInt32();

        var preview = await Seeded.Json(await registrar.PostAsJsonAsync($"{scale}/preview", new { masteryOrdinal = 4 }));
        var stillValid = await Issuance.VerifyAsync(app, school.Id, issued.Badge);
        var raised = await registrar.PutAsJsonAsync(scale, new { title = "Four levels", masteryOrdinal = 4, version });

        var lowered = Assert.Single(preview.GetProperty("lowered").EnumerateArray());
        Assert.Equal(issued.Seeded.AttainmentId, lowered.GetProperty("attainmentId").GetGuid());
        Assert.Equal(school.Levels[2], lowered.GetProperty("levelBefore").GetGuid());
        Assert.Equal(JsonValueKind.Null, lowered.GetProperty("levelAfter").ValueKind);
        Assert.Equal([Issuance.IdOf(issued.Badge)], Ids(preview, "achievements"));
        Assert.Equal([Issuance.IdOf(issued.Transcript)], Ids(preview, "transcripts"));
        Assert.Equal(CheckStatus.Passed, stillValid.Outcome);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        foreach (var credential in new[] { issued.Badge, issued.Transcript })
        {
            Assert.Equal("attainment downgraded: the scale's mastery threshold moved and the level is no longer attained", (await RowAsync(credential)).RevocationReason);
            Assert.Equal(CheckStatus.Failed, (await Issuance.VerifyAsync(app, school.Id, credential))[CheckNames.Status]!.Status);
        }
        // A registrar's award stands whatever the threshold: the other badge stays valid.
        Assert.Equal(CheckStatus.Passed, (await Issuance.VerifyAsync(app, school.Id, issued.OtherBadge)).Outcome);
        var explained = await Seeded.Json(await registrar.GetAsync($"/attainments/{issued.Seeded.AttainmentId}/explanation"));
        Assert.Equal("InProgress", explained.GetProperty("status").GetString());

        var backPreview = await Seeded.Json(await registrar.PostAsJsonAsync($"{scale}/preview", new { masteryOrdinal = 3 }));
        var back = await registrar.PutAsJsonAsync(scale,
            new { title = "Four levels", masteryOrdinal = 3, version = (await Seeded.Json(raised)).GetProperty("version").GetInt32() });
        Assert.Empty(backPreview.GetProperty("lowered").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var again = await Seeded.Json(await registrar.GetAsync($"/attainments/{issued.Seeded.AttainmentId}/explanation"));
        Assert.Equal("Attained", again.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task A_renamed_scale_recomputes_nothing_and_the_scale_preview_is_for_registrars_of_its_institution()
    {
        var issued = await IssueAsync();
        var school = issued.Seeded.School;
        var scale = $"/scales/{school.ScaleId}";
        var version = (await Seeded.Json(await issued.Registrar.GetAsync(scale))).GetProperty("version").GetInt32();
        var other = await app.SeedInstitutionAsync("Other school");
        using var assessor = app.CreateClientFor(school.Assessor);
        using var stranger = app.CreateClientFor(other.Registrar);

        var renamed = await issued.Registrar.PutAsJsonAsync(scale, new { title = "Renamed", masteryOrdinal = 3, version });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Null((await RowAsync(issued.Badge)).RevokedAt);
        await Problem.AssertAsync(await assessor.PostAsJsonAsync($"{scale}/preview", new { masteryOrdinal = 4 }), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await stranger.PostAsJsonAsync($"{scale}/preview", new { masteryOrdinal = 4 }), HttpStatusCode.NotFound, "not-found");
        await Problem.AssertAsync(await issued.Registrar.PostAsJsonAsync($"{scale}/preview", new { masteryOrdinal = 9 }), HttpStatusCode.BadRequest,
            "validation-failed");
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
