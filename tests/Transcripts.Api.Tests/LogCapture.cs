using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Transcripts.Api.Tests;

/// <summary>Keeps every log entry (message, exception, state values) so tests can search what was written.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public string All => string.Join('\n', _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            capture._entries.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            capture._entries.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {values} {exception}");
        }
    }
}

/// <summary>The same SQLite app logging everything, down to Trace.</summary>
public sealed class VerboseSqliteApp : SqliteApp
{
    protected override LogLevel MinimumLogLevel => LogLevel.Trace;
}

/// <summary>The same SQLite app with no key-encryption key configured: issuing must be refused.</summary>
public sealed class NoKekSqliteApp : SqliteApp
{
    protected override string? KeyEncryptionKey => null;
}
