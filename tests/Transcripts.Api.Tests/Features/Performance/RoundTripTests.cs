using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Transcripts.Api.Tests.Features.Performance;

/// <summary>The SQLite app logging each database command it executes.</summary>
public sealed class CommandLoggingSqliteApp : SqliteApp
{
    protected override LogLevel MinimumLogLevel => LogLevel.Information;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }
}

/// <summary>The PostgreSQL app logging each database command it executes.</summary>
public sealed class CommandLoggingPostgresApp : PostgresApp
{
    protected override LogLevel MinimumLogLevel => LogLevel.Information;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }
}

/// <summary>
/// The database commands of the two hottest requests, counted: each is a round trip to PostgreSQL, and on two cores they,
/// not the work in the service, bound the record reads and assessment writes per second (docs/benchmarks.md). A new
/// query on these paths shows here first.
/// </summary>
public abstract class RoundTripTests(TranscriptsApp app)
{
    // EF Core's CommandExecuted event: one per command sent, whatever the provider.
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command [20101]";

    private async Task<List<string>> CommandsOfAsync(Func<Task> request)
    {
        var before = app.Logs.Entries.Count;
        await request();
        return app.Logs.Entries.Skip(before).Where(e => e.Contains(Executed, StringComparison.Ordinal)).ToList();
    }

    [SkippableFact]
    public async Task A_learners_record_is_read_in_two_queries()
    {
        app.EnsureAvailable();
        var school = await app.SeedInstitutionAsync();
        using var learner = app.CreateClientFor(school.LearnerAKey);
        // The first request also finds the key (then cached) and records its use.
        (await learner.GetAsync($"/learners/{school.LearnerA}/record")).EnsureSuccessStatusCode();

        var commands = await CommandsOfAsync(async () => (await learner.GetAsync($"/learners/{school.LearnerA}/record")).EnsureSuccessStatusCode());

        // The learner with their identifiers and counts; the attainment lines. A learner reading their own record is no disclosure.
        Assert.True(commands.Count == 2, string.Join("\n\n", commands));
    }

    [SkippableFact]
    public async Task An_assessment_is_checked_and_recomputed_in_four_queries_before_its_save()
    {
        app.EnsureAvailable();
        var school = await app.SeedInstitutionAsync();
        using var assessor = app.CreateClientFor(school.Assessor);
        async Task AssessAsync(int level) => (await assessor.PostAsJsonAsync("/assessments",
            new { learnerId = school.LearnerA, competencyId = school.Competencies[0], levelId = school.Levels[level] })).EnsureSuccessStatusCode();
        await AssessAsync(1);

        var commands = await CommandsOfAsync(() => AssessAsync(2));

        var save = commands.FindIndex(c => c.Contains("INSERT", StringComparison.OrdinalIgnoreCase) || c.Contains("advisory", StringComparison.Ordinal)
            || c.Contains("\"Sequence\" DESC", StringComparison.Ordinal));
        // Before the save: the checks in one query, the attainment, the rule with its scale and levels, the assessments.
        Assert.True(save == 4, $"{save} commands before the save:\n\n" + string.Join("\n\n", commands));
    }

    public sealed class OnSqlite(CommandLoggingSqliteApp app) : RoundTripTests(app), IClassFixture<CommandLoggingSqliteApp>;

    public sealed class OnPostgres(CommandLoggingPostgresApp app) : RoundTripTests(app), IClassFixture<CommandLoggingPostgresApp>;
}
