using System.Reflection;
using System.Text.Json;

namespace Transcripts.Verifier.Tests;

/// <summary>
/// The verifier is what colleges install: it depends on the signing core and its own packages only, never on the
/// service, ASP.NET Core or EF Core, directly or through anything it references, and it runs on the plain .NET runtime.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] s_forbidden = ["Transcripts.Api", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql"];

    [Fact]
    public void Verifier_references_nothing_of_the_service_aspnet_or_ef_even_transitively()
    {
        var verifier = typeof(VerifierCli).Assembly;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<(Assembly Assembly, string Path)>([(verifier, verifier.GetName().Name!)]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var reference in next.Assembly.GetReferencedAssemblies())
            {
                var name = reference.Name!;
                if (!seen.TryAdd(name, $"{next.Path} → {name}") || IsRuntime(name))
                {
                    continue;
                }
                queue.Enqueue((Assembly.Load(reference), $"{next.Path} → {name}"));
            }
        }

        Assert.Contains("Transcripts.Signing", seen.Keys);
        var bad = seen.Where(r => s_forbidden.Any(f => r.Key == f || r.Key.StartsWith(f + ".", StringComparison.Ordinal))).Select(r => r.Value).ToList();
        Assert.True(bad.Count == 0, "the verifier references: " + string.Join("; ", bad));
    }

    [Fact]
    public void Verifier_runs_on_the_plain_dotnet_runtime_without_the_aspnet_framework()
    {
        var config = Path.Combine(AppContext.BaseDirectory, "transcripts-verify.runtimeconfig.json");
        Assert.True(File.Exists(config), config);
        using var json = JsonDocument.Parse(File.ReadAllBytes(config));
        var options = json.RootElement.GetProperty("runtimeOptions");
        var frameworks = options.TryGetProperty("frameworks", out var many)
            ? many.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList()
            : [options.GetProperty("framework").GetProperty("name").GetString()];

        Assert.Equal(["Microsoft.NETCore.App"], frameworks);
        var deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "transcripts-verify.deps.json"));
        Assert.DoesNotContain("Microsoft.AspNetCore", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore", deps, StringComparison.Ordinal);
    }

    // The shared framework's own assemblies: their references stay inside it.
    private static bool IsRuntime(string name) =>
        name is "mscorlib" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal) || name == "Microsoft.CSharp" || name == "Microsoft.VisualBasic";
}
