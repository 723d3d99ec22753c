using System.Diagnostics;

namespace Transcripts.Tests;

/// <summary>
/// Runs a Debian tool (poppler-utils, zbar-tools, qpdf). A missing tool skips the test with the package to install, or
/// fails it when <c>TRANSCRIPTS_REQUIRE_SPEC=1</c> (CI, where <c>.ci/run</c> installs it).
/// </summary>
public static class DebianTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string tool, string package, params string[] arguments)
    {
        var path = new[] { "/usr/bin", "/usr/local/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            var reason = $"{tool} is not installed (Debian package {package}).";
            if (SpecData.IsRequired)
            {
                throw new InvalidOperationException($"{SpecData.RequireVariable}=1 is set but {reason}");
            }
            Skip.If(true, reason);
        }
        var start = new ProcessStartInfo(path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout, stderr.Result);
    }
}
