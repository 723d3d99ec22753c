using System.Net;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Privacy;

public sealed class AssessmentAuthorshipTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<(School School, HttpClient AssessorA, HttpClient AssessorB, Guid AssessmentId)> ArrangeAsync()
    {
        var school = await app.SeedInstitutionAsync();
        using var admin = app.CreateClientFor(school.Admin);
        var b = await Seeded.Json(await admin.PostAsJsonAsync("/keys", new { name = "Mr B", role = "assessor" }));
        var assessorA = app.CreateClientFor(school.Assessor);
        var assessorB = app.CreateClientFor(b.GetProperty("secret").GetString()!);
        var recorded = await Seeded.Json(await assessorA.PostAsJsonAsync("/assessments",
            new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[2], feedback = "Clear argument" }));
        return (school, assessorA, assessorB, recorded.GetProperty("assessment").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Assessor_B_cannot_edit_or_delete_assessor_As_mark()
    {
        var (school, a, b, id) = await ArrangeAsync();
        var before = await app.SnapshotAsync();

        await Problem.AssertAsync(await b.PutAsJsonAsync($"/assessments/{id}", new { levelId = school.Levels[0], assessedOn = "2026-09-01", version = 0 }),
            HttpStatusCode.Forbidden, "not-your-assessment");
        await Problem.AssertAsync(await b.DeleteAsync($"/assessments/{id}"), HttpStatusCode.Forbidden, "not-your-assessment");

        Assert.Equal(before, await app.SnapshotAsync());
        (await a.PutAsJsonAsync($"/assessments/{id}", new { levelId = school.Levels[3], assessedOn = "2026-09-01", version = 0 })).EnsureSuccessStatusCode();
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public async Task A_registrar_changes_anothers_mark_only_with_a_reason_and_the_explanation_names_who_and_when()
    {
        var (school, a, b, id) = await ArrangeAsync();
        using var registrar = app.CreateClientFor(school.Registrar);
        await Problem.AssertAsync(await registrar.PutAsJsonAsync($"/assessments/{id}", new { levelId = school.Levels[3], assessedOn = "2026-09-01", version = 0 }),
            HttpStatusCode.BadRequest, "validation-failed");
        app.Clock.Advance(TimeSpan.FromHours(3));

        var changed = await Seeded.Json(await registrar.PutAsJsonAsync($"/assessments/{id}",
            new { levelId = school.Levels[3], assessedOn = "2026-09-01", version = 0, reason = "Moderation panel raised the mark" }));

        var attainmentId = changed.GetProperty("attainment").GetProperty("id").GetGuid();
        var explanation = await Seeded.Json(await registrar.GetAsync($"/attainments/{attainmentId}/explanation"));
        var input = explanation.GetProperty("inputs")[0];
        var registrarKey = await app.WithDbAsync(db => Task.FromResult(db.ApiKeys.Single(k => k.InstitutionId == school.Id && k.Role == "registrar").Id));
        var assessorKey = await app.WithDbAsync(db => Task.FromResult(db.ApiKeys.Single(k => k.InstitutionId == school.Id && k.Name == "assessor key").Id));
        Assert.Equal(assessorKey, input.GetProperty("assessorKeyId").GetGuid());
        Assert.Equal(registrarKey, input.GetProperty("updatedByKeyId").GetGuid());
        Assert.Equal(app.Clock.GetUtcNow(), input.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal("Moderation panel raised the mark", input.GetProperty("updateReason").GetString());
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public async Task An_assessment_cannot_be_dated_in_the_future()
    {
        var (school, a, b, id) = await ArrangeAsync();
        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd");

        await Problem.AssertAsync(await a.PostAsJsonAsync("/assessments",
            new { learnerId = school.LearnerA, competencyId = school.Competencies[1], levelId = school.Levels[2], assessedOn = tomorrow }),
            HttpStatusCode.BadRequest, "validation-failed");
        await Problem.AssertAsync(await a.PutAsJsonAsync($"/assessments/{id}", new { levelId = school.Levels[3], assessedOn = tomorrow, version = 0 }),
            HttpStatusCode.BadRequest, "validation-failed");
        a.Dispose();
        b.Dispose();
    }
}
