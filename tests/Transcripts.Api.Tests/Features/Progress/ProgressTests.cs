using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Progress;

public abstract class ProgressTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Progress_shows_each_competency_as_not_started_in_progress_or_attained_with_goals()
    {
        var school = await app.SeedInstitutionAsync();
        using var assessor = app.CreateClientFor(school.Assessor);
        using var learner = app.CreateClientFor(school.LearnerAKey);
        var evidence = await Seeded.Id(await assessor.PostAsJsonAsync($"/learners/{school.LearnerA}/evidence", new { title = "Essay", narrative = "Argued well." }));
        (await assessor.PostAsJsonAsync("/assessments", new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[3], evidenceId = evidence })).EnsureSuccessStatusCode();
        (await assessor.PostAsJsonAsync("/assessments", new { learnerId = school.LearnerA, competencyId = school.Competencies[1], levelId = school.Levels[0] })).EnsureSuccessStatusCode();
        (await learner.PostAsJsonAsync($"/learners/{school.LearnerA}/goals", new { competencyId = school.Competencies[1], targetDate = "2026-12-15", note = "Practise" })).EnsureSuccessStatusCode();
        (await assessor.PostAsJsonAsync($"/learners/{school.LearnerA}/goals", new { competencyId = school.Competencies[2], targetDate = "2026-08-01" })).EnsureSuccessStatusCode();

        var progress = await Seeded.Json(await learner.GetAsync($"/learners/{school.LearnerA}/progress?frameworkId={school.FrameworkId}"));
        var goals = await Seeded.Json(await learner.GetAsync($"/learners/{school.LearnerA}/goals"));

        var lines = progress.GetProperty("competencies").EnumerateArray().ToDictionary(c => c.GetProperty("humanCode").GetString()!);
        Assert.Equal("Attained", lines["D.1"].GetProperty("state").GetString());
        Assert.Equal("Advanced", lines["D.1"].GetProperty("level").GetString());
        Assert.Equal(1, lines["D.1"].GetProperty("evidenceCount").GetInt32());
        Assert.Equal("InProgress", lines["D.2"].GetProperty("state").GetString());
        Assert.Equal("2026-12-15", lines["D.2"].GetProperty("goalDate").GetString());
        Assert.Equal("NotStarted", lines["D.3"].GetProperty("state").GetString());
        Assert.Equal(1, progress.GetProperty("attained").GetInt32());
        var goalList = goals.EnumerateArray().ToList();
        Assert.Equal(2, goalList.Count);
        Assert.True(goalList[0].GetProperty("isOverdue").GetBoolean());
        Assert.False(goalList[1].GetProperty("isOverdue").GetBoolean());
    }

    public sealed class OnSqlite(SqliteApp app) : ProgressTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ProgressTests(app), IClassFixture<PostgresApp>;
}
