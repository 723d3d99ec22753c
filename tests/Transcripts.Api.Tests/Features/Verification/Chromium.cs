using System.Diagnostics;
using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Verification;

/// <summary>
/// Debian's headless Chromium, driven as a process: <c>--dump-dom</c> gives the page after its script ran (the virtual
/// time budget lets the WebCrypto promises settle), <c>--screenshot</c> a phone-width picture. Missing, it skips the test
/// with the package to install, or fails it when TRANSCRIPTS_REQUIRE_SPEC=1 (CI installs it).
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static void EnsureAvailable()
    {
        if (File.Exists(Executable))
        {
            return;
        }
        const string reason = "chromium is not installed (Debian package chromium).";
        if (SpecData.IsRequired)
        {
            throw new InvalidOperationException($"{SpecData.RequireVariable}=1 is set but {reason}");
        }
        Skip.If(true, reason);
    }

    /// <summary>The serialized DOM once the page's script has run.</summary>
    public static Task<string> DumpDomAsync(string url) => RunAsync("--dump-dom", url);

    /// <summary>Saves a 390 px wide (phone) screenshot of <paramref name="url"/> to <paramref name="file"/>.</summary>
    public static async Task ScreenshotAsync(string url, string file)
    {
        await RunAsync($"--screenshot={file}", "--window-size=390,1100", url);
        Assert.True(File.Exists(file), $"chromium wrote no screenshot to {file}");
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        EnsureAvailable();
        var profile = Directory.CreateTempSubdirectory("transcripts-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", "--virtual-time-budget=10000",
                         $"--user-data-dir={profile}", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 90 s: {await stderr}");
            }
            return await stdout;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
