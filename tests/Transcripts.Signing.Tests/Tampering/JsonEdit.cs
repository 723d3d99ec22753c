using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Tests.Tampering;

/// <summary>Enumerates the leaves of a JSON document by path and changes one of them.</summary>
internal static class JsonEdit
{
    public static IEnumerable<string> LeafPaths(JsonNode? node, string path = "") => node switch
    {
        JsonObject obj => obj.SelectMany(p => LeafPaths(p.Value, path.Length == 0 ? p.Key : path + "." + p.Key)),
        JsonArray array => array.SelectMany((item, i) => LeafPaths(item, $"{path}[{i}]")),
        _ => [path],
    };

    public static void ChangeValue(JsonNode root, string path)
    {
        var (parent, key, index) = Locate(root, path);
        var old = key is null ? parent[index] : parent[key];
        JsonNode replacement = old!.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(old.GetValue<string>() + "x"),
            JsonValueKind.Number => JsonValue.Create(old.GetValue<double>() + 1),
            JsonValueKind.True => JsonValue.Create(false),
            JsonValueKind.False => JsonValue.Create(true),
            _ => JsonValue.Create(0),
        };
        if (key is null)
        {
            parent[index] = replacement;
        }
        else
        {
            parent[key] = replacement;
        }
    }

    private static (JsonNode Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            if (bracket >= 0)
            {
                foreach (var idx in part[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                {
                    steps.Add(int.Parse(idx.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        var node = root;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            node = steps[i] is string s ? node[s]! : node[(int)steps[i]]!;
        }
        return steps[^1] is string last ? (node, last, -1) : (node, null, (int)steps[^1]);
    }
}
