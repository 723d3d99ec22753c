using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Transcripts.Api.Tests.Features.Assessments;

public abstract class AttainmentTests(TranscriptsApp app)
{
    private static async Task<JsonElement> AssessAsync(HttpClient client, School school, int level, string on, Guid? evidence = null) =>
        await Seeded.Json(await client.PostAsJsonAsync("/assessments", new
        {
            learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[level], assessedOn = on, evidenceId = evidence,
            feedback = "Feedback " + on,
        }));

    [SkippableFact]
    public async Task Assessments_recompute_the_attainment_by_the_frameworks_rule_and_it_explains_itself()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        using var assessor = app.CreateClientFor(school.Assessor);
        var framework = await Seeded.Json(await registrar.GetAsync($"/frameworks/{school.FrameworkId}"));
        (await registrar.PutAsJsonAsync($"/frameworks/{school.FrameworkId}/mastery-rule", new
        {
            method = "DecayingAverage", decayWeight = 0.65, version = framework.GetProperty("masteryRule").GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        var evidence = await Seeded.Id(await assessor.PostAsJsonAsync($"/learners/{school.LearnerA}/evidence", new { title = "Lab report", narrative = "Measured and explained." }));

        var first = await AssessAsync(assessor, school, 1, "2026-08-02", evidence);
        Assert.Equal("InProgress", first.GetProperty("attainment").GetProperty("status").GetString());
        await AssessAsync(assessor, school, 2, "2026-08-09");
        var third = await AssessAsync(assessor, school, 3, "2026-08-16");

        // Scores 2, 3, 4: 2 → 2.65 → 3.5275, which is at or above Proficient (3) and falls in level Proficient.
        var attainment = third.GetProperty("attainment");
        Assert.Equal("Attained", attainment.GetProperty("status").GetString());
        Assert.Equal(3.5275, attainment.GetProperty("score").GetDouble(), 10);
        Assert.Equal(school.Levels[2], attainment.GetProperty("levelId").GetGuid());
        var explanation = await Seeded.Json(await registrar.GetAsync($"/attainments/{attainment.GetProperty("id").GetGuid()}/explanation"));
        Assert.Equal("DecayingAverage", explanation.GetProperty("rule").GetProperty("method").GetString());
        Assert.Equal("weight 0.65", explanation.GetProperty("rule").GetProperty("parameters").GetString());
        Assert.Equal("Proficient", explanation.GetProperty("rule").GetProperty("masteryLevel").GetString());
        var inputs = explanation.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal([2.0, 3.0, 4.0], inputs.Select(i => i.GetProperty("score").GetDouble()));
        Assert.Equal("Lab report", inputs[0].GetProperty("evidence").GetProperty("title").GetString());
        Assert.Equal("start 2; 2×0.35 + 3×0.65 = 2.65; 2.65×0.35 + 4×0.65 = 3.5275; mastery needs 3; 3.5275 falls in level \"Proficient\"",
            explanation.GetProperty("arithmetic").GetString());
    }

    [SkippableFact]
    public async Task Correcting_or_deleting_an_assessment_recomputes_and_deleting_the_last_removes_the_attainment()
    {
        var school = await app.SeedInstitutionAsync();
        using var assessor = app.CreateClientFor(school.Assessor);
        var recorded = await AssessAsync(assessor, school, 3, "2026-08-02");
        var assessmentId = recorded.GetProperty("assessment").GetProperty("id").GetGuid();
        Assert.Equal("Attained", recorded.GetProperty("attainment").GetProperty("status").GetString());

        var corrected = await Seeded.Json(await assessor.PutAsJsonAsync($"/assessments/{assessmentId}", new { levelId = school.Levels[0], assessedOn = "2026-08-02", version = 0 }));
        Assert.Equal("InProgress", corrected.GetProperty("attainment").GetProperty("status").GetString());
        Assert.Equal("Beginning", (await Seeded.Json(await assessor.GetAsync($"/attainments/{corrected.GetProperty("attainment").GetProperty("id").GetGuid()}/explanation")))
            .GetProperty("level").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await assessor.DeleteAsync($"/assessments/{assessmentId}")).StatusCode);
        var attainments = await Seeded.Json(await assessor.GetAsync($"/learners/{school.LearnerA}/attainments"));
        Assert.Equal(0, attainments.GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task Registrar_awards_and_withdraws_with_a_reason_and_the_decision_stands_over_the_rule()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        using var assessor = app.CreateClientFor(school.Assessor);

        var awarded = await Seeded.Json(await registrar.PostAsJsonAsync($"/learners/{school.LearnerA}/attainments", new
        {
            version = (int?)null, competencyId = school.Competencies[0], levelId = school.Levels[3], reason = "Credit transferred from a previous school",
        }));
        var afterAssessment = await AssessAsync(assessor, school, 0, "2026-08-03");
        var withdrawn = await Seeded.Json(await registrar.PostAsJsonAsync($"/attainments/{awarded.GetProperty("id").GetGuid()}/withdraw",
            new { reason = "Transfer record was wrong", version = afterAssessment.GetProperty("attainment").GetProperty("version").GetInt32() }));
        var again = await registrar.PostAsJsonAsync($"/attainments/{awarded.GetProperty("id").GetGuid()}/withdraw",
            new { reason = "Again", version = withdrawn.GetProperty("version").GetInt32() });

        Assert.Equal("Award", awarded.GetProperty("source").GetString());
        Assert.Equal("Attained", afterAssessment.GetProperty("attainment").GetProperty("status").GetString());
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("Transfer record was wrong", withdrawn.GetProperty("reason").GetString());
        await Problem.AssertAsync(again, HttpStatusCode.Conflict, "already-withdrawn");
        var explanation = await Seeded.Json(await registrar.GetAsync($"/attainments/{awarded.GetProperty("id").GetGuid()}/explanation"));
        Assert.Contains("awarded directly by a registrar", explanation.GetProperty("arithmetic").GetString());
        Assert.Equal("Transfer record was wrong", explanation.GetProperty("reason").GetString());
    }

    [SkippableFact]
    public async Task Award_at_a_stale_version_or_over_an_unknown_attainment_gets_409_and_changes_nothing()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        using var other = app.CreateClientFor(school.Admin);
        var path = $"/learners/{school.LearnerA}/attainments";
        var first = await Seeded.Json(await registrar.PostAsJsonAsync(path,
            new { version = (int?)null, competencyId = school.Competencies[0], levelId = school.Levels[3], reason = "Credit transferred" }));
        var read = first.GetProperty("version").GetInt32();
        // Another registrar (here the admin) changes it after this one read it.
        var changed = await Seeded.Json(await other.PostAsJsonAsync(path,
            new { version = read, competencyId = school.Competencies[0], levelId = school.Levels[2], reason = "Credit confirmed" }));

        var before = await app.SnapshotAsync();
        var unknown = await registrar.PostAsJsonAsync(path, new { version = (int?)null, competencyId = school.Competencies[0], levelId = school.Levels[1], reason = "Second registrar" });
        var stale = await registrar.PostAsJsonAsync(path, new { version = read, competencyId = school.Competencies[0], levelId = school.Levels[1], reason = "Second registrar" });
        var missing = await registrar.PostAsJsonAsync(path, new { competencyId = school.Competencies[0], levelId = school.Levels[1], reason = "Second registrar" });
        var noneYet = await registrar.PostAsJsonAsync(path, new { version = 0, competencyId = school.Competencies[1], levelId = school.Levels[1], reason = "Second registrar" });

        await Problem.AssertAsync(unknown, HttpStatusCode.Conflict, "stale-update");
        await Problem.AssertAsync(stale, HttpStatusCode.Conflict, "stale-update");
        await Problem.AssertAsync(noneYet, HttpStatusCode.Conflict, "stale-update");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(before, await app.SnapshotAsync());
        var current = changed.GetProperty("version").GetInt32();
        Assert.Equal(read + 1, current);
        var again = await Seeded.Json(await registrar.PostAsJsonAsync(path,
            new { version = current, competencyId = school.Competencies[0], levelId = school.Levels[1], reason = "Regraded on appeal" }));
        Assert.Equal(school.Levels[1], again.GetProperty("levelId").GetGuid());
        Assert.Equal(current + 1, again.GetProperty("version").GetInt32());
    }

    [SkippableFact]
    public async Task Assessment_against_a_level_of_another_scale_is_refused()
    {
        var school = await app.SeedInstitutionAsync();
        var other = await app.SeedInstitutionAsync("Other");
        using var assessor = app.CreateClientFor(school.Assessor);

        var response = await assessor.PostAsJsonAsync("/assessments", new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = other.Levels[2] });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("levelId", out _));
    }

    public sealed class OnSqlite(SqliteApp app) : AttainmentTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AttainmentTests(app), IClassFixture<PostgresApp>;
}
