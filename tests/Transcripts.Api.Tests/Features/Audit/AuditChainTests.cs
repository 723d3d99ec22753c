using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Cli;
using Transcripts.Api.Features.Audit;

namespace Transcripts.Api.Tests.Features.Audit;

/// <summary>Each test tampers with its database, so each makes an app of its own.</summary>
public abstract class AuditChainTests
{
    protected abstract TranscriptsApp NewApp();

    private static async Task<(School School, HttpClient Admin)> ArrangeAsync(TranscriptsApp app)
    {
        var school = await app.SeedInstitutionAsync();
        var admin = app.CreateClientFor(school.Admin);
        (await admin.PostAsJsonAsync("/learners", new { name = "Chiara Esposito" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/assessments", new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[2] }))
            .EnsureSuccessStatusCode();
        return (school, admin);
    }

    [SkippableFact]
    public async Task Every_write_appends_a_linked_event_and_the_chain_verifies()
    {
        using var app = NewApp();
        var (school, admin) = await ArrangeAsync(app);

        var events = await Seeded.Json(await admin.GetAsync("/audit/events?entityType=Assessment"));
        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        var assessment = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal("created", assessment.GetProperty("action").GetString());
        Assert.StartsWith("key:", assessment.GetProperty("actor").GetString());
        Assert.True(verify.GetProperty("isIntact").GetBoolean());
        var chain = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync());
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Contains(chain, e => e.EntityType == "Attainment" && e.InstitutionId == school.Id);
    }

    [SkippableFact]
    public async Task Editing_an_event_in_the_database_is_named_as_the_first_broken_event()
    {
        using var app = NewApp();
        var (school, admin) = await ArrangeAsync(app);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.InstitutionId == school.Id).OrderBy(e => e.Sequence).Skip(5).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEvents\" SET \"Actor\" = 'key:someone-else' WHERE \"Sequence\" = {0}", target.Sequence));

        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.False(verify.GetProperty("isIntact").GetBoolean());
        Assert.Equal(target.Sequence, verify.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(target.Id, verify.GetProperty("firstBrokenEventId").GetGuid());
    }

    [SkippableFact]
    public async Task Editing_a_record_in_the_database_names_the_event_that_recorded_its_state()
    {
        using var app = NewApp();
        var (school, admin) = await ArrangeAsync(app);
        var last = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Learner" && e.EntityId == school.LearnerA.ToString())
            .OrderByDescending(e => e.Sequence).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Learners\" SET \"Name\" = 'Someone else' WHERE \"Id\" = {0}", school.LearnerA));

        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.False(verify.GetProperty("isIntact").GetBoolean());
        Assert.Equal(last.Sequence, verify.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("Learner", verify.GetProperty("reason").GetString());
    }

    [SkippableFact]
    public async Task Deleting_an_event_breaks_the_chain_at_the_gap()
    {
        using var app = NewApp();
        var (school, admin) = await ArrangeAsync(app);
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.InstitutionId == school.Id).OrderBy(e => e.Sequence).Take(4).ToListAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {0}", events[2].Sequence));

        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));

        Assert.False(verify.GetProperty("isIntact").GetBoolean());
        Assert.Equal(events[3].Sequence, verify.GetProperty("firstBrokenSequence").GetInt64());
    }

    [SkippableFact]
    public async Task Audit_verify_command_reports_intact_then_the_first_broken_event()
    {
        using var app = NewApp();
        var (school, _) = await ArrangeAsync(app);
        var settings = app.Services.GetRequiredService<IConfiguration>();
        string[] args = ["audit", "verify", "--institution", school.Id.ToString(), $"--Storage:Provider={settings["Storage:Provider"]}",
            $"--Storage:DataDirectory={settings["Storage:DataDirectory"]}", $"--Storage:ConnectionString={settings["Storage:ConnectionString"]}",
            $"--Signing:KeyEncryptionKey={TranscriptsApp.Kek}"];
        var intactOut = new StringWriter();

        var intact = await AdminCli.RunAsync(args, intactOut, TextWriter.Null, Program.BuildApp);
        var target = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.InstitutionId == school.Id).OrderBy(e => e.Sequence).Skip(2).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Action\" = 'deleted' WHERE \"Sequence\" = {0}", target.Sequence));
        var brokenOut = new StringWriter();
        var broken = await AdminCli.RunAsync(args, brokenOut, TextWriter.Null, Program.BuildApp);

        Assert.Equal(ExitCodes.Done, intact);
        Assert.StartsWith("Audit chain intact", intactOut.ToString());
        Assert.Equal(ExitCodes.Failed, broken);
        Assert.Contains($"BROKEN at event {target.Sequence} ({target.Id})", brokenOut.ToString());
    }

    public sealed class OnSqlite : AuditChainTests
    {
        protected override TranscriptsApp NewApp() => new SqliteApp();
    }

    public sealed class OnPostgres : AuditChainTests
    {
        protected override TranscriptsApp NewApp() => new PostgresApp();
    }
}
