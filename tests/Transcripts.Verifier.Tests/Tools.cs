using System.Diagnostics;
using PdfSharp.Fonts;
using Transcripts.Tests;

namespace Transcripts.Verifier.Tests;

/// <summary>
/// Runs a Debian tool (qpdf, pdfsig); a missing one skips the test with the package to install, or fails it when
/// <c>TRANSCRIPTS_REQUIRE_SPEC=1</c> (CI, where <c>.ci/run</c> installs it).
/// </summary>
public static class Tools
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

/// <summary>DejaVu Sans for the forgers' overlays drawn with PDFsharp (fonts-dejavu-core).</summary>
internal sealed class DejaVuResolver : IFontResolver
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private static readonly Lazy<bool> s_installed = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new DejaVuResolver();
        return true;
    });

    public static void Install()
    {
        Skip.If(!File.Exists(FontFile), $"{FontFile} is missing (Debian package fonts-dejavu-core).");
        _ = s_installed.Value;
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new("DejaVuSans");

    public byte[] GetFont(string faceName) => File.ReadAllBytes(FontFile);
}
