using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Transcripts.Api.Tests;

/// <summary>The built service run as a child process, as an operator runs it: its command line, its own port.</summary>
internal static partial class ServiceProcess
{
    /// <summary>The service's build output for the configuration these tests were built in.</summary>
    public static string ApiDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;   // bin/<Configuration>/net10.0
        return Path.Combine(global::Transcripts.Tests.SpecData.RepositoryRoot, "src", "Transcripts.Api", "bin", configuration, "net10.0", "Transcripts.Api.dll");
    }

    /// <summary><c>dotnet Transcripts.Api.dll ARGS</c> in <paramref name="workingDirectory"/>, signing under the test KEK, output captured.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(ApiDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["Signing__KeyEncryptionKey"] = TranscriptsApp.Kek;
        return info;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits up to 2 minutes for <c>GET /health</c> to answer 200 (a cold start of the built service on a loaded 2-core
    /// machine has taken over 20 s); throws otherwise.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode}.");
            }
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The service did not start.");
    }

    /// <summary>
    /// The first admin key. A fresh service whose output is redirected (as here) does not print it: it names the owner-only
    /// file it wrote the key to, and the key is read from there.
    /// </summary>
    public static async Task<string> ReadPrintedAdminKeyAsync(Process process)
    {
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException(await process.StandardError.ReadToEndAsync());
            if (PrintedAdminKey().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
            if (AdminKeyFile().Match(line) is { Success: true } file)
            {
                return (await File.ReadAllTextAsync(file.Groups[1].Value)).Trim();
            }
        }
    }

    [GeneratedRegex(@"The key is in (\S+) \(readable only by this user\)")]
    private static partial Regex AdminKeyFile();

    [GeneratedRegex(@"Admin key \(shown only now; store it safely\): (trk_\S+)")]
    private static partial Regex PrintedAdminKey();
}
