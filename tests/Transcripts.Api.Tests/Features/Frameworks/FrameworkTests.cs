using System.Net;
using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Frameworks;

public abstract class FrameworkTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Registrar_builds_a_framework_with_a_scale_a_hierarchy_and_a_rule()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);

        var scale = await Seeded.Json(await registrar.PostAsJsonAsync("/scales", new
        {
            title = "Three levels", masteryOrdinal = 2,
            levels = new[] { new { title = "Emerging", score = 1.0 }, new { title = "Secure", score = 2.0 }, new { title = "Exceeding", score = 3.0 } },
        }));
        var framework = await Seeded.Json(await registrar.PostAsJsonAsync("/frameworks", new { title = "Science", scaleId = scale.GetProperty("id").GetGuid() }));
        var frameworkId = framework.GetProperty("id").GetGuid();
        var domain = await Seeded.Json(await registrar.PostAsJsonAsync($"/frameworks/{frameworkId}/competencies", new { fullStatement = "Inquiry", humanCode = "SCI.I" }));
        var child = await Seeded.Json(await registrar.PostAsJsonAsync($"/frameworks/{frameworkId}/competencies",
            new { fullStatement = "Plans a fair test", humanCode = "SCI.I.1", parentId = domain.GetProperty("id").GetGuid() }));
        var rule = await Seeded.Json(await registrar.PutAsJsonAsync($"/frameworks/{frameworkId}/mastery-rule",
            new { method = "NTimesAtOrAboveMastery", requiredCount = 2, version = 0 }));
        var read = await Seeded.Json(await registrar.GetAsync($"/frameworks/{frameworkId}"));
        var listed = await Seeded.Json(await registrar.GetAsync("/frameworks?title=Scien"));

        Assert.Equal([false, true, true], scale.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("isMastery").GetBoolean()));
        Assert.Equal(domain.GetProperty("id").GetGuid(), child.GetProperty("parentId").GetGuid());
        Assert.Equal("NTimesAtOrAboveMastery", rule.GetProperty("method").GetString());
        Assert.Equal(2, read.GetProperty("masteryRule").GetProperty("requiredCount").GetInt32());
        Assert.Equal(2, read.GetProperty("competencies").GetArrayLength());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task A_scale_needs_increasing_scores_and_a_mastery_level_on_it()
    {
        var school = await app.SeedInstitutionAsync();
        using var registrar = app.CreateClientFor(school.Registrar);

        var problem = await Problem.AssertAsync(await registrar.PostAsJsonAsync("/scales", new
        {
            title = "Broken", masteryOrdinal = 5,
            levels = new[] { new { title = "High", score = 3.0 }, new { title = "Low", score = 1.0 } },
        }), HttpStatusCode.BadRequest, "validation-failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("levels[1].score", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("masteryOrdinal", out _));
    }

    public sealed class OnSqlite(SqliteApp app) : FrameworkTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : FrameworkTests(app), IClassFixture<PostgresApp>;
}
