using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Transcripts.PageBench;

/// <summary>
/// The built service started as its own process (Kestrel on 127.0.0.1) with <c>--demo</c> on a fresh SQLite data folder,
/// and what its demo start printed: the demo registrar's API key and the registrar's single-use sign-in link. Killed and its
/// folder deleted on dispose.
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private ServiceProcess(Process process, string dataDir, Uri address, string registrarKey, string registrarLink)
    {
        _process = process;
        _dataDir = dataDir;
        Address = address;
        RegistrarKey = registrarKey;
        RegistrarLink = registrarLink;
    }

    public Uri Address { get; }
    public string RegistrarKey { get; }

    /// <summary>The registrar's invitation link, its code in the fragment.</summary>
    public string RegistrarLink { get; }

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

    /// <summary>Starts the service; with <paramref name="queryLog"/>, its output (with EF Core's command log, each query and its time) goes to that file.</summary>
    public static async Task<ServiceProcess> StartAsync(string apiDll, string? queryLog = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("transcripts-pagebench-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataDir };
        foreach (var arg in new[] { apiDll, "--demo", "--urls", $"http://127.0.0.1:{port}", "--Storage:DataDirectory", dataDir,
            "--Logging:LogLevel:Default", "Warning", "--Web:SignInAttemptsPerMinute", "1000" })
        {
            info.ArgumentList.Add(arg);
        }
        if (queryLog is not null)
        {
            info.ArgumentList.Add("--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command");
            info.ArgumentList.Add("Information");
        }
        var process = Process.Start(info)!;
        string? key = null;
        string? link = null;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((key is null || link is null) && DateTime.UtcNow < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException("The service exited during start-up: " + await process.StandardError.ReadToEndAsync());
            key ??= RegistrarKeyLine().Match(line) is { Success: true } k ? k.Groups[1].Value : null;
            link ??= RegistrarLinkLine().Match(line) is { Success: true } l ? l.Groups[1].Value : null;
        }
        _ = queryLog is null ? process.StandardOutput.ReadToEndAsync() : CopyAsync(process.StandardOutput, queryLog);
        _ = process.StandardError.ReadToEndAsync();
        if (key is null || link is null)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The demo start printed no registrar key or sign-in link.");
        }
        return new ServiceProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}"), key, link);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static async Task CopyAsync(StreamReader output, string path)
    {
        await using var file = File.CreateText(path);
        while (await output.ReadLineAsync() is { } line)
        {
            await file.WriteLineAsync(line);
            await file.FlushAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // DemoSeed prints "  registrar trk_…"; DemoSignIn prints "  registrar   http://…/app/invitation#…".
    [GeneratedRegex(@"^\s+registrar\s+(trk_\S+)")]
    private static partial Regex RegistrarKeyLine();

    [GeneratedRegex(@"^\s+registrar\s+(http\S+/app/invitation#\S+)")]
    private static partial Regex RegistrarLinkLine();
}
