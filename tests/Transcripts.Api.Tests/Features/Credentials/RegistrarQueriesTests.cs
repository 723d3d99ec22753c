using System.Net.Http.Json;

namespace Transcripts.Api.Tests.Features.Credentials;

/// <summary>The two queries behind the registrar's pages: the overview's counts and lists, and what a revocation would touch.</summary>
public sealed class RegistrarQueriesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Overview_counts_learners_and_in_progress_attainments_and_lists_a_revocation()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        await Seeded.Json(await assessor.PostAsJsonAsync("/assessments",
            new { learnerId = seeded.School.LearnerB, competencyId = seeded.School.Competencies[1], levelId = seeded.School.Levels[0] }));
        (await registrar.PostAsJsonAsync($"/credentials/{seeded.CredentialId}/revoke", new { reason = "Issued in error" })).EnsureSuccessStatusCode();

        var overview = await Seeded.Json(await registrar.GetAsync("/institution/overview"));

        Assert.Equal(2, overview.GetProperty("activeLearners").GetInt32());
        Assert.Equal(1, overview.GetProperty("inProgressAttainments").GetInt32());
        var revoked = overview.GetProperty("recentlyRevoked")[0];
        Assert.Equal(seeded.CredentialId, revoked.GetProperty("credentialId").GetGuid());
        Assert.Equal("Issued in error", revoked.GetProperty("reason").GetString());
        Assert.Equal(0, overview.GetProperty("runningBatches").GetArrayLength());
    }

    [Fact]
    public async Task Status_change_preview_names_the_transcript_embedding_an_achievement_and_that_it_cannot_be_suspended()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var registrar = app.CreateClientFor(seeded.School.Registrar);
        var transcript = await Seeded.Id(await registrar.PostAsJsonAsync("/credentials/transcripts", new { learnerId = seeded.School.LearnerA }));
        var before = await app.FullSnapshotAsync(seeded.School.Id);

        var preview = await Seeded.Json(await registrar.GetAsync($"/credentials/{seeded.CredentialId}/status-change-preview"));

        Assert.False(preview.GetProperty("canSuspend").GetBoolean());
        Assert.Equal(transcript, preview.GetProperty("embeddingTranscripts")[0].GetProperty("id").GetGuid());
        var other = await Seeded.CreateAsync(app);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await registrar.GetAsync($"/credentials/{other.CredentialId}/status-change-preview")).StatusCode);
        var after = await app.FullSnapshotAsync(seeded.School.Id);
        Assert.Equal(before.Split(',')[..^1], after.Split(',')[..^1]);
    }
}
