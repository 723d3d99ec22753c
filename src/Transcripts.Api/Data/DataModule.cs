using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Data;

internal static class DataModule
{
    public static IServiceCollection AddTranscriptsData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<Infrastructure.ServiceInstance>();
        services.AddSingleton<Infrastructure.ClusterLeadership>();
        services.AddSingleton(sp => new AuditKey(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped(sp => new AuditContext(sp.GetRequiredService<TimeProvider>(), sp.GetService<IHttpContextAccessor>(), sp.GetService<AuditKey>()));
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.IsPostgres)
        {
            var connectionString = RecordsConnectionString(storage.ConnectionString
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but Storage:ConnectionString is not set."));
            services.AddDbContext<PostgresTranscriptsDb>(o => o.UseNpgsql(connectionString));
            services.AddScoped<TranscriptsDb>(sp => sp.GetRequiredService<PostgresTranscriptsDb>());
        }
        else
        {
            Directory.CreateDirectory(Path.GetFullPath(storage.DataDirectory));
            var connectionString = new SqliteConnectionStringBuilder { DataSource = storage.SqlitePath, Pooling = true }.ToString();
            services.AddDbContext<SqliteTranscriptsDb>(o => o.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance));
            services.AddScoped<TranscriptsDb>(sp => sp.GetRequiredService<SqliteTranscriptsDb>());
            // The checkpoint cadence is the file's housekeeping, in real seconds whatever the service's clock says: a clock
            // moved on by days (a test's, or a corrected one) must not replay a tick for every second it skipped.
            services.AddSingleton(sp => new SqliteCheckpointer(storage.SqlitePath, TimeProvider.System,
                sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        }
        return services;
    }

    /// <summary>
    /// The records context's PostgreSQL connection string: the configured one, without Npgsql's reset of a pooled connection's
    /// session when it returns to the pool (unless the configuration asks for the reset). EF opens and closes the connection
    /// around every query, and each reset costs the server seven statements (DISCARD's parts, kept apart so prepared statements
    /// survive) on the next use: 21 for a record read of three queries. The context leaves no session state to reset: its only
    /// lock is transaction-scoped (<see cref="PostgresTranscriptsDb"/>), it sets no parameters, makes no temporary tables and
    /// listens to nothing. <see cref="Infrastructure.ClusterLeadership"/>, which holds session locks, opens its connections
    /// with the configured string, which is a pool of its own and keeps the reset.
    /// </summary>
    internal static string RecordsConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>Applies the provider's migrations, and on SQLite switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TranscriptsDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (!services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Per connection: WAL makes NORMAL sync safe against corruption, and waiting beats failing when busy. A commit checkpoints
    /// the log itself only once it holds 64 MB (16,384 pages of 4 KB; SQLite's default is 4 MB): normally
    /// <see cref="SqliteCheckpointer"/> has done it in the background long before, and a log that grew is cut back to 64 MB.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; "
            + "PRAGMA wal_autocheckpoint=16384; PRAGMA journal_size_limit=67108864;";

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
