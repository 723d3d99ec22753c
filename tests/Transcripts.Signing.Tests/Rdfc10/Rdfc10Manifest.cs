using Transcripts.Tests;
using System.Text.Json;

namespace Transcripts.Signing.Tests.Rdfc10;

/// <summary>One entry of the W3C rdf-canon test manifest (<c>rdf-canon/manifest.jsonld</c>).</summary>
public sealed record Rdfc10ManifestEntry(string Id, string Type, string Action, string? Result, string? HashAlgorithm);

/// <summary>Reads the W3C rdf-canon manifest; member data never throws when the spec folder is absent.</summary>
public static class Rdfc10Manifest
{
    public const string Folder = "rdf-canon";

    private static readonly Lazy<IReadOnlyDictionary<string, Rdfc10ManifestEntry>> s_entries = new(Load);

    public static IReadOnlyDictionary<string, Rdfc10ManifestEntry> Entries => s_entries.Value;

    /// <summary>Every test id, or one placeholder row that skips when the spec folder is absent.</summary>
    public static TheoryData<string> Ids() => IdsWhere(_ => true);

    /// <summary>The ids of the entries of one type, such as <c>rdfc:RDFC10EvalTest</c>.</summary>
    public static TheoryData<string> IdsOfType(string type) =>
        IdsWhere(entry => string.Equals(entry.Type, type, StringComparison.Ordinal));

    private static TheoryData<string> IdsWhere(Func<Rdfc10ManifestEntry, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries.Values.Where(predicate))
        {
            data.Add(entry.Id);
        }
        if (data.Count == 0)
        {
            data.Add("(spec folder absent)");
        }
        return data;
    }

    public static string ReadText(string relative) =>
        File.ReadAllText(SpecData.Path(Path.Combine(Folder, relative)));

    private static Dictionary<string, Rdfc10ManifestEntry> Load()
    {
        var path = SpecData.PathForDiscovery(Path.Combine(Folder, "manifest.jsonld"));
        var entries = new Dictionary<string, Rdfc10ManifestEntry>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString()!.TrimStart('#');
            entries.Add(id, new Rdfc10ManifestEntry(
                id,
                entry.GetProperty("type").GetString()!,
                entry.GetProperty("action").GetString()!,
                entry.TryGetProperty("result", out var result) ? result.GetString() : null,
                entry.TryGetProperty("hashAlgorithm", out var algorithm) ? algorithm.GetString() : null));
        }
        return entries;
    }
}
