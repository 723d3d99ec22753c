using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Transcripts.Api.Data;

namespace Transcripts.Api.Tests.Features;

public sealed class SqliteCheckpointerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [SkippableFact]
    public async Task A_checkpoint_copies_every_committed_frame_of_the_log_into_the_database()
    {
        await Seeded.CreateAsync(app);
        var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();

        var result = await checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.NotNull(result);
        var (logFrames, checkpointed) = result.Value;
        Assert.True(logFrames >= 0, "The database is not in write-ahead-log mode.");
        Assert.Equal(logFrames, checkpointed);
    }

    [SkippableFact]
    public void It_runs_as_a_background_service_of_the_sqlite_service()
    {
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is SqliteCheckpointer);
    }

    [SkippableFact]
    public async Task A_missing_database_is_not_created()
    {
        var path = Path.Combine(Path.GetTempPath(), $"transcripts-no-db-{Guid.NewGuid():N}", "transcripts.db");
        var checkpointer = new SqliteCheckpointer(path, TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance);

        Assert.Null(await checkpointer.CheckpointAsync(CancellationToken.None));
        Assert.False(File.Exists(path));
    }

    [SkippableFact]
    public async Task Connections_checkpoint_on_their_own_only_past_64_MB_of_log()
    {
        var (autocheckpoint, sizeLimit) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                return (await PragmaAsync(db, "wal_autocheckpoint"), await PragmaAsync(db, "journal_size_limit"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(16_384, autocheckpoint);
        Assert.Equal(64 * 1024 * 1024, sizeLimit);
    }

    private static async Task<long> PragmaAsync(TranscriptsDb db, string name)
    {
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// The checkpointer keeps real time. Tests move the service's clock ahead by months; a timer on that clock would run one
/// pass for every second skipped, thousands while the clock is moved.
/// </summary>
public sealed class SqliteCheckpointerClockTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [SkippableFact]
    public void The_checkpointer_is_timed_by_the_system_clock_not_the_services()
    {
        var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();

        Assert.Same(app.Clock, app.Services.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, checkpointer.Clock);
    }

    [SkippableFact]
    public void Moving_the_services_clock_430_days_ahead_runs_no_extra_checkpoint_passes()
    {
        var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();
        var real = System.Diagnostics.Stopwatch.StartNew();
        var before = checkpointer.Passes;

        app.Clock.Advance(TimeSpan.FromDays(430));

        // On real time a pass comes at most once a second, plus the one that may be under way.
        var passes = checkpointer.Passes - before;
        var allowed = (long)(real.Elapsed / SqliteCheckpointer.Interval) + 2;
        Assert.True(passes <= allowed, $"{passes} checkpoint passes ran while the service's clock moved; at most {allowed} were due in real time.");
    }
}

public sealed class SqliteCheckpointerOnPostgresTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [SkippableFact]
    public void PostgreSQL_has_no_checkpointer()
    {
        app.EnsureAvailable();
        Assert.Null(app.Services.GetService<SqliteCheckpointer>());
    }
}
