using Microsoft.Extensions.Options;
using Npgsql;
using Transcripts.Api.Data;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Which instance runs a background job (status-list re-signing, audit-head publishing) when several share one database:
/// on PostgreSQL the one holding the job's session advisory lock, on a connection kept open for it. Its holder stays the
/// runner while it lives; PostgreSQL frees the lock when that connection closes (the instance stopped or died), and the
/// next instance to ask takes it over. On SQLite, whose file one host serves, every instance runs its jobs.
/// </summary>
internal sealed class ClusterLeadership(IOptions<StorageOptions> storage) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, NpgsqlConnection> _held = [];

    /// <summary>Whether this instance runs <paramref name="job"/> now: it holds the job's lock, or has just taken it.</summary>
    public async Task<bool> LeadsAsync(string job, CancellationToken cancellationToken)
    {
        if (!storage.Value.IsPostgres)
        {
            return true;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_held.TryGetValue(job, out var held))
            {
                if (await IsAliveAsync(held, cancellationToken))
                {
                    return true;
                }
                _held.Remove(job);
                await held.DisposeAsync();
            }
            var connection = new NpgsqlConnection(storage.Value.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
                command.Parameters.AddWithValue(ClusterLockKeys.For("job:" + job));
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    _held[job] = connection;
                    connection = null;
                    return true;
                }
                return false;
            }
            finally
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<bool> IsAliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection broke: the server has freed the lock, and another instance may hold it by now.
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _held.Values)
        {
            await connection.DisposeAsync();
        }
        _held.Clear();
        _gate.Dispose();
    }
}
