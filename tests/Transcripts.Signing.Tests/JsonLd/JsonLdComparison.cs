using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// The suite's "JSON-LD object comparison": arrays are unordered except under <c>@list</c>, objects by member,
/// language tags case-insensitively. Unordered arrays are matched by backtracking (they are small).
/// </summary>
internal static class JsonLdComparison
{
    public static bool AreEquivalent(JsonNode? expected, JsonNode? actual, string? key = null)
    {
        switch (expected)
        {
            case null:
                return actual is null;
            case JsonObject e when actual is JsonObject a:
                return e.Count == a.Count && e.All(p => a.TryGetPropertyValue(p.Key, out var v) && AreEquivalent(p.Value, v, p.Key));
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count)
                {
                    return false;
                }
                return key == "@list"
                    ? e.Zip(a).All(p => AreEquivalent(p.First, p.Second))
                    : Match(e, a, 0, new bool[a.Count]);
            case JsonValue e when actual is JsonValue a:
                if (key == "@language" && e.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String)
                {
                    return string.Equals(e.GetValue<string>(), a.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
                }
                if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
                {
                    return e.GetValue<double>() == a.GetValue<double>();
                }
                return JsonNode.DeepEquals(e, a);
            default:
                return false;
        }
    }

    private static bool Match(JsonArray expected, JsonArray actual, int index, bool[] used)
    {
        if (index == expected.Count)
        {
            return true;
        }
        for (var i = 0; i < actual.Count; i++)
        {
            if (!used[i] && AreEquivalent(expected[index], actual[i]))
            {
                used[i] = true;
                if (Match(expected, actual, index + 1, used))
                {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }
}
