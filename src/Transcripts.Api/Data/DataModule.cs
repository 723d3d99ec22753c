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
            var connectionString = storage.ConnectionString
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but Storage:ConnectionString is not set.");
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
