using Transcripts.Api.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Transcripts.Api.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file in the background, once a second. Left to SQLite, the
/// connection whose commit fills the log does the copy and its two fsyncs before its save returns: a batch writer
/// committing a learner's credentials stalled for that every few learners. A passive checkpoint on its own connection
/// waits for no one and makes no one wait. The per-connection <c>wal_autocheckpoint</c> stays as a safety net for when
/// this is not running (command-line tools) or falls behind.
/// </summary>
internal sealed partial class SqliteCheckpointer(string databasePath, TimeProvider clock, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private long _passes;

    /// <summary>
    /// The clock the passes are timed by: real time (<see cref="TimeProvider.System"/>), never the service's clock, which
    /// tests move ahead by months at a time (a timer on it would run one pass for every second skipped).
    /// </summary>
    public TimeProvider Clock => clock;

    /// <summary>How many background passes have run (tried a checkpoint) since the service started.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    // Mode ReadWrite: a database that does not exist yet is not created here; the migration creates it.
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
    }.ToString();

    /// <summary>One passive checkpoint: the log's frames and how many of them are now in the database file, or null without a database.</summary>
    public async Task<(long LogFrames, long CheckpointedFrames)?> CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        // Columns: busy (always 0 for a passive checkpoint), frames in the log, frames checkpointed; -1, -1 outside WAL mode.
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // What the last second wrote, so a stopped service leaves little to replay.
        await CheckpointOnceAsync(CancellationToken.None);
    }

    private async Task CheckpointOnceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _passes);
        try
        {
            await CheckpointAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            // Left to the connections' own automatic checkpoints; the next tick tries again.
            LogCheckpointFailed(logger, e.SqliteErrorCode, e.Message);
        }
    }

    [LoggerMessage(LogEvents.SqliteCheckpointFailed, LogLevel.Warning, "SQLite background checkpoint failed (error {Code}): {Reason}")]
    private static partial void LogCheckpointFailed(ILogger logger, int code, string reason);
}
