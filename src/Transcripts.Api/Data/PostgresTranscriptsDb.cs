using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Transcripts.Api.Data.Entities;

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

    // The lock and the heads as one batch: in READ COMMITTED each statement of a batch reads from a snapshot taken when it
    // starts, so the reads, which start once the lock is granted, see the previous holder's commit.
    protected override async Task<AuditHeads> LockAndReadHeadsAsync(IReadOnlyCollection<AuditLinks.Chain> chains, CancellationToken cancellationToken)
    {
        var transaction = (NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = WriteLockKey } } });
        var events = Model.FindEntityType(typeof(AuditEvent))!;
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {Column(events, nameof(AuditEvent.Sequence))}, {Column(events, nameof(AuditEvent.Hash))} FROM {Table(events)} " +
            $"ORDER BY {Column(events, nameof(AuditEvent.Sequence))} DESC LIMIT 1"));
        foreach (var chain in chains)
        {
            var table = Model.FindEntityType(chain.Kind == AuditLinks.EventKind ? typeof(AuditEvent) : typeof(Disclosure))!;
            var sequence = Column(table, nameof(AuditEvent.ChainSequence));
            var institution = Column(table, nameof(AuditEvent.InstitutionId));
            var command = new NpgsqlBatchCommand(
                $"SELECT {sequence}, {Column(table, nameof(AuditEvent.Mac))} FROM {Table(table)} " +
                $"WHERE {institution} {(chain.InstitutionId is null ? "IS NULL" : "= $1")} AND {sequence} IS NOT NULL ORDER BY {sequence} DESC LIMIT 1");
            if (chain.InstitutionId is { } id)
            {
                command.Parameters.Add(new() { Value = id });
            }
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken); // past the lock's one row
        var (last, hash) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0L, AuditChain.Genesis);
        var links = new Dictionary<AuditLinks.Chain, AuditLinks.Head>();
        foreach (var chain in chains)
        {
            await reader.NextResultAsync(cancellationToken);
            links[chain] = await reader.ReadAsync(cancellationToken)
                ? new AuditLinks.Head(reader.GetInt64(0), reader.GetString(1))
                : new AuditLinks.Head(0, AuditChain.Genesis);
        }
        return new AuditHeads(last, hash, links);
    }

    private static string Table(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity) => Quote(entity.GetTableName()!);

    private static string Column(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string property) =>
        Quote(entity.FindProperty(property)!.GetColumnName());

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
