using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing;

/// <summary>
/// A deep copy of a parsed JSON tree that turns strings and booleans backed by the parser's JsonElement into plain
/// values. JsonNode.DeepClone copies a whole JsonDocument for every such leaf, which made cloning the dominant
/// cost of verifying a credential. Numbers keep their JsonElement so their exact literal (5 vs 5.0) survives
/// for canonicalizers that care.
/// </summary>
internal static class JsonCopy
{
    public static JsonNode? Of(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => Of(obj),
        JsonArray array => Of(array),
        JsonValue value => Of(value),
        _ => node.DeepClone(),
    };

    public static JsonObject Of(JsonObject obj, string? except = null)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (name != except)
            {
                copy[name] = Of(value);
            }
        }
        return copy;
    }

    private static JsonArray Of(JsonArray array)
    {
        var copy = new JsonArray();
        foreach (var item in array)
        {
            copy.Add(Of(item));
        }
        return copy;
    }

    private static JsonNode Of(JsonValue value)
    {
        if (!value.TryGetValue<JsonElement>(out var element))
        {
            return value.DeepClone();
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.String:
                try
                {
                    return JsonValue.Create(element.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    // An unpaired surrogate: keep the element so canonicalization reports it.
                    return value.DeepClone();
                }
            default:
                return value.DeepClone();
        }
    }
}
