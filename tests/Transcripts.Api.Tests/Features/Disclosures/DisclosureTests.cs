using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Tests.Features.Disclosures;

public abstract class DisclosureTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Every_staff_read_of_a_learners_records_is_disclosed_to_the_learner()
    {
        var seeded = await Seeded.CreateAsync(app);
        var school = seeded.School;
        using var assessor = app.CreateClientFor(school.Assessor);
        using var registrar = app.CreateClientFor(school.Registrar);
        using var learner = app.CreateClientFor(school.LearnerAKey);
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        (await assessor.GetAsync($"/learners/{school.LearnerA}/record")).EnsureSuccessStatusCode();
        (await assessor.GetAsync($"/evidence/{seeded.FileEvidenceId}/content")).EnsureSuccessStatusCode();
        (await registrar.GetAsync($"/attainments/{seeded.AttainmentId}/explanation")).EnsureSuccessStatusCode();
        (await registrar.GetAsync("/learners?name=Ελένη")).EnsureSuccessStatusCode();
        var list = await Seeded.Json(await learner.GetAsync($"/learners/{school.LearnerA}/disclosures?since=2026-09-01T08:04:00Z"));

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["attainment explanation", "evidence file", "profile (in a list)", "record"], items.Select(d => d.GetProperty("record").GetString()).Order());
        Assert.Equal(["assessor", "assessor", "registrar", "registrar"], items.Select(d => d.GetProperty("role").GetString()).Order());
        Assert.All(items, d => Assert.Equal(app.Clock.GetUtcNow(), d.GetProperty("at").GetDateTimeOffset()));
        Assert.Contains(items, d => d.GetProperty("keyName").GetString() == "assessor key");
    }

    [SkippableFact]
    public async Task The_admin_reads_every_disclosure_of_the_institution_and_none_of_another()
    {
        var seeded = await Seeded.CreateAsync(app);
        var other = await Seeded.CreateAsync(app);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        using var admin = app.CreateClientFor(seeded.School.Admin);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await assessor.GetAsync($"/learners/{seeded.School.LearnerB}/record")).EnsureSuccessStatusCode();
        var expected = await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.InstitutionId == seeded.School.Id));

        var page = await Seeded.Json(await admin.GetAsync("/disclosures?pageSize=200"));
        var refused = await admin.GetAsync("/disclosures?page=0");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.Equal("record", items[0].GetProperty("record").GetString());
        Assert.Equal(seeded.School.LearnerB, items[0].GetProperty("learnerId").GetGuid());
        Assert.Equal("assessor key", items[0].GetProperty("keyName").GetString());
        Assert.DoesNotContain(items, d => d.GetProperty("learnerId").GetGuid() == other.School.LearnerA);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(expected, await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.InstitutionId == seeded.School.Id)));
    }

    [SkippableFact]
    public async Task The_learners_own_reads_are_not_disclosures()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learner = app.CreateClientFor(seeded.School.LearnerAKey);
        var before = await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.LearnerId == seeded.School.LearnerA));

        (await learner.GetAsync($"/learners/{seeded.School.LearnerA}/record")).EnsureSuccessStatusCode();
        (await learner.GetAsync($"/learners/{seeded.School.LearnerA}/evidence")).EnsureSuccessStatusCode();
        (await learner.GetAsync($"/attainments/{seeded.AttainmentId}/explanation")).EnsureSuccessStatusCode();

        Assert.Equal(before, await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.LearnerId == seeded.School.LearnerA)));
    }

    [SkippableFact]
    public async Task A_learner_cannot_list_another_learners_disclosures()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var learnerB = app.CreateClientFor(seeded.School.LearnerBKey);

        await Problem.AssertAsync(await learnerB.GetAsync($"/learners/{seeded.School.LearnerA}/disclosures"), System.Net.HttpStatusCode.NotFound, "not-found");
    }

    [SkippableFact]
    public async Task Disclosures_are_not_audit_events_and_staff_writes_are()
    {
        var seeded = await Seeded.CreateAsync(app);
        using var assessor = app.CreateClientFor(seeded.School.Assessor);
        var before = await app.SnapshotAsync();

        (await assessor.GetAsync($"/learners/{seeded.School.LearnerA}")).EnsureSuccessStatusCode();
        var afterRead = await app.SnapshotAsync();
        (await assessor.PostAsJsonAsync($"/learners/{seeded.School.LearnerA}/evidence", new { title = "Note", narrative = "Observed." })).EnsureSuccessStatusCode();
        var afterWrite = await app.SnapshotAsync();

        Assert.Equal((before.AuditEvents, before.Disclosures + 1), afterRead);
        Assert.Equal((afterRead.AuditEvents + 1, afterRead.Disclosures), afterWrite);
    }

    public sealed class OnSqlite(SqliteApp app) : DisclosureTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : DisclosureTests(app), IClassFixture<PostgresApp>;
}
