using System.Diagnostics;
using Transcripts.Tests;

namespace Transcripts.Api.Tests.Features.Transcripts;

/// <summary>
/// Runs a Debian PDF tool (poppler-utils, zbar-tools, qpdf). A missing tool skips the test with the package to
/// install, or fails it when <c>TRANSCRIPTS_REQUIRE_SPEC=1</c> (CI, where <c>.ci/run</c> installs them).
/// </summary>
public static class PdfTool
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

    /// <summary>A temporary folder removed on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("transcripts-pdf-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, byte[] bytes)
        {
            var file = File(name);
            System.IO.File.WriteAllBytes(file, bytes);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
