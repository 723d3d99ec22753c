using System.Text.Json.Nodes;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>One entry of a W3C JSON-LD test manifest (expand-manifest.jsonld, toRdf-manifest.jsonld).</summary>
internal sealed record JsonLdTestCase(string Id, JsonObject Entry)
{
    public bool IsNegative => Types.Contains("jld:NegativeEvaluationTest");
    public bool IsSyntaxOnly => Types.Contains("jld:PositiveSyntaxTest");
    public IReadOnlyList<string> Types => Entry["@type"] is JsonArray a ? [.. a.Select(t => t!.GetValue<string>())] : [];
    public string Input => Entry["input"]!.GetValue<string>();
    public string? Expect => Entry["expect"]?.GetValue<string>();
    public string? ExpectErrorCode => Entry["expectErrorCode"]?.GetValue<string>();
    public string? Option(string name) => Entry["option"]?[name] is JsonValue v ? v.ToString() : null;
    public bool OptionFlag(string name) => Entry["option"]?[name] is JsonValue v && v.GetValue<bool>();
    public bool IsJsonLd10Only => Option("specVersion") == "json-ld-1.0";
}

/// <summary>Reads the manifests and splits their tests into applicable, known failures and not applicable.</summary>
internal static class JsonLdManifest
{
    private const string Absent = "(spec data absent)";
    private const string None = "(none)";
    private static readonly Dictionary<string, IReadOnlyList<JsonLdTestCase>> s_cache = [];

    public static IReadOnlyList<JsonLdTestCase> Load(string suite)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(suite, out var cases))
            {
                var path = SpecData.PathForDiscovery($"jsonld/{suite}-manifest.jsonld");
                var manifest = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))! : new JsonObject { ["sequence"] = new JsonArray() };
                cases = [.. manifest["sequence"]!.AsArray().Select(e => new JsonLdTestCase(e!["@id"]!.GetValue<string>(), e.AsObject()))];
                s_cache[suite] = cases;
            }
            return cases;
        }
    }

    public static JsonLdTestCase Get(string suite, string id) => Load(suite).Single(c => c.Id == id);

    /// <summary>Applicable tests that are expected to pass.</summary>
    public static TheoryData<string> Applicable(string suite) =>
        Data(Load(suite).Where(c => !c.IsJsonLd10Only && !KnownFailures.Reasons.ContainsKey(suite + c.Id)));

    /// <summary>Applicable tests listed in known-failures.md.</summary>
    public static TheoryData<string> Known(string suite) =>
        Data(Load(suite).Where(c => !c.IsJsonLd10Only && KnownFailures.Reasons.ContainsKey(suite + c.Id)));

    /// <summary>Tests of JSON-LD 1.0 behaviour that a 1.1 processor does not implement.</summary>
    public static TheoryData<string> JsonLd10Only(string suite) => Data(Load(suite).Where(c => c.IsJsonLd10Only));

    private static TheoryData<string> Data(IEnumerable<JsonLdTestCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases)
        {
            data.Add(c.Id);
        }
        if (data.Count == 0)
        {
            // xunit rejects a theory without rows; this row is skipped (Require) or sits in a skipped theory.
            data.Add(SpecData.IsAvailable ? None : Absent);
        }
        return data;
    }

}
