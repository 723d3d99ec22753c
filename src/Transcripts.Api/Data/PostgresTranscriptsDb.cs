using Microsoft.EntityFrameworkCore;

namespace Transcripts.Api.Data;

/// <summary>The records database on PostgreSQL, with its own migration set.</summary>
internal sealed class PostgresTranscriptsDb(DbContextOptions<PostgresTranscriptsDb> options, AuditContext audit)
    : TranscriptsDb(options, audit)
{
    /// <summary>The advisory lock every instance takes to write (<see cref="ClusterLockKeys"/>).</summary>
    public static readonly long WriteLockKey = ClusterLockKeys.For("write");

    protected override bool UsesWriteLockAcrossInstances => true;

    // Transaction-scoped: released by the commit or rollback, and by PostgreSQL itself when the instance's connection dies.
    protected override async Task LockAcrossInstancesAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellationToken);
}
