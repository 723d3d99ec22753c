using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Transcripts.LoadDriver;

/// <summary>The built service, started as its own process on 127.0.0.1 with a fresh database, stopped and cleaned up on dispose.</summary>
internal sealed partial class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private readonly string? _server;
    private readonly string? _database;

    private ApiProcess(Process process, string dataDir, string? server, string? database, HttpClient client, string adminKey)
    {
        _process = process;
        _dataDir = dataDir;
        _server = server;
        _database = database;
        Client = client;
        AdminKey = adminKey;
    }

    public HttpClient Client { get; }
    public string AdminKey { get; }

    /// <summary>The PostgreSQL database this instance created, for a second instance to join.</summary>
    public string? Database => _database;

    public static string DefaultApiPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Transcripts.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Transcripts.Api", "bin", "Release", "net10.0", "Transcripts.Api.dll");
            }
        }
        throw new InvalidOperationException("Transcripts.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Starts an instance on a fresh database, or, with <paramref name="join"/>, a further instance on the database another
    /// instance made (with that instance's admin key; the joining one does not drop the database).
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string apiDll, string? postgresServer, (string Database, string AdminKey)? join = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("transcripts-load-").FullName;
        var port = FreePort();
        var database = join?.Database ?? (postgresServer is null ? null : "transcripts_load_" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        foreach (var arg in new[] { apiDll, "--urls", $"http://127.0.0.1:{port}", "--Storage:DataDirectory", dataDir, "--Logging:LogLevel:Default", "Warning" })
        {
            info.ArgumentList.Add(arg);
        }
        if (database is not null)
        {
            info.ArgumentList.Add("--Storage:Provider");
            info.ArgumentList.Add("Postgres");
            info.Environment["Storage__ConnectionString"] = $"{postgresServer};Database={database};Maximum Pool Size=100;Max Auto Prepare=64";
        }
        var process = Process.Start(info)!;
        var key = join?.AdminKey;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (key is null && DateTime.UtcNow < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                throw new InvalidOperationException("The API exited during start-up: " + await process.StandardError.ReadToEndAsync());
            }
            key = PrintedAdminKey().Match(line) is { Success: true } m ? m.Groups[1].Value
                : AdminKeyFile().Match(line) is { Success: true } f ? (await File.ReadAllTextAsync(f.Groups[1].Value)).Trim() : null;
        }
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        return new ApiProcess(process, dataDir, postgresServer, join is null ? database : null, client,
            key ?? throw new InvalidOperationException("No admin key was printed."));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
        if (_database is not null)
        {
            await using var connection = new NpgsqlConnection($"{_server};Database=postgres");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Admin key \(shown only now; store it safely\): (trk_\S+)")]
    private static partial Regex PrintedAdminKey();

    // A redirected service writes the first admin key to an owner-only file and names the file instead.
    [GeneratedRegex(@"The key is in (\S+) \(readable only by this user\)")]
    private static partial Regex AdminKeyFile();
}
