using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Tests.Features.Demo;

public sealed partial class DemoSeedTests
{
    [Fact]
    public async Task Demo_start_seeds_an_empty_database_and_prints_working_keys_and_examples()
    {
        using var app = new DemoApp();
        using var probe = app.CreateClient();
        (await probe.GetAsync("/health")).EnsureSuccessStatusCode();
        var printed = app.Console.ToString();

        var counts = await app.WithDbAsync(async db => (
            Institutions: await db.Institutions.CountAsync(),
            Learners: await db.Learners.CountAsync(),
            Competencies: await db.Competencies.CountAsync(c => c.ItemType == "Competency"),
            Levels: await db.Levels.CountAsync(),
            Evidence: await db.Evidence.CountAsync(),
            Attained: await db.Attainments.CountAsync(a => a.Status == AttainmentStatus.Attained)));
        Assert.Equal((1, 12, 10, 4), (counts.Institutions, counts.Learners, counts.Competencies, counts.Levels));
        Assert.True(counts.Evidence > 0 && counts.Attained > 0);
        // A first look shows what the chart and the table do: every level, attained and in-progress competencies side by side.
        var shown = await app.WithDbAsync(async db => (
            Levels: await db.Attainments.Where(a => a.LevelId != null).Select(a => a.LevelId).Distinct().CountAsync(),
            InProgress: await db.Attainments.CountAsync(a => a.Status == AttainmentStatus.InProgress),
            LearnersWithEveryLevel: (await db.Attainments.Where(a => a.LevelId != null).Select(a => new { a.LearnerId, a.LevelId }).ToListAsync())
                .GroupBy(a => a.LearnerId).Count(g => g.Select(a => a.LevelId).Distinct().Count() == 4)));
        Assert.Equal(4, shown.Levels);
        Assert.True(shown.InProgress > 0, "No demo competency is in progress.");
        Assert.True(shown.LearnersWithEveryLevel > 0, $"Only {shown.LearnersWithEveryLevel} demo learners show all four levels.");
        Assert.True(await app.WithDbAsync(db => db.Learners.AnyAsync(l => l.Name == "Ελένη Παπαδοπούλου")));
        Assert.Contains("curl -s -H \"Authorization: Bearer", printed);
        Assert.DoesNotContain("The database was empty", printed);
        using var admin = app.CreateClientFor(AdminKey().Match(printed).Groups[1].Value);
        var verify = await Seeded.Json(await admin.GetAsync("/audit/verify"));
        Assert.True(verify.GetProperty("isIntact").GetBoolean());
        var learners = await Seeded.Json(await admin.GetAsync("/learners?pageSize=100"));
        Assert.Equal(12, learners.GetProperty("total").GetInt32());
    }

    [GeneratedRegex(@"admin\s+(trk_[A-Za-z0-9_-]{43})")]
    private static partial Regex AdminKey();

    /// <summary>The service started as by <c>./transcripts.sh serve</c> (with the demo seed) on an empty SQLite file.</summary>
    private sealed class DemoApp : TranscriptsApp
    {
        protected override void ConfigureStorage(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Demo:Seed", "true");
        }

        public override void EnsureAvailable()
        {
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
    }
}
