using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.DataModel;

/// <summary>The violations found so far, and the JSON reading the rules share.</summary>
internal sealed class Violations
{
    public const string Vc2 = "VC Data Model 2.0";
    public const string Vc11 = "VC Data Model 1.1";

    private readonly List<DataModelViolation> _list = [];

    public IReadOnlyList<DataModelViolation> List => _list;

    public int Count => _list.Count;

    public void Add(string rule, string path, string reason) => _list.Add(new(rule, path, reason));

    /// <summary><paramref name="path"/>.<paramref name="name"/>, or the name alone at the top.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary><paramref name="path"/>[<paramref name="index"/>] when the value was an array, else <paramref name="path"/>.</summary>
    public static string Index(string path, int index, bool isArray) => isArray ? $"{path}[{index}]" : path;

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>The items of a value that may be one value or an array of them.</summary>
    public static IReadOnlyList<JsonNode?> Items(JsonNode? node) => node is JsonArray array ? [.. array] : [node];

    /// <summary>The string type values of an object (<c>type</c> as a string or array); non-strings are skipped.</summary>
    public static IReadOnlyList<string> Types(JsonObject obj) =>
        [.. Items(obj["type"]).Select(Text).OfType<string>()];

    /// <summary>What a JSON value is, for a sentence: "null", "a number", "an array", …</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray a => a.Count == 0 ? "an empty list" : $"a list of {a.Count}",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"\"{Shorten(v.GetValue<string>())}\"",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "…");
}
