using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>Small helpers over <see cref="JsonNode"/> for the JSON-LD algorithms' type tests.</summary>
internal static class JsonLdNodes
{
    public static bool IsString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out value);
    }

    public static string? AsString(JsonNode? node) => IsString(node, out var s) ? s : null;

    public static bool IsScalar(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number
            or JsonValueKind.True or JsonValueKind.False;

    public static bool IsBool(JsonNode? node, out bool value)
    {
        value = false;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetValueKind() == JsonValueKind.True;
            return true;
        }
        return false;
    }

    public static bool IsNumber(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number;

    /// <summary>
    /// A copy that can be attached to a new parent (nodes have one parent each). Strings and booleans of a parsed
    /// document become plain values (see <see cref="JsonCopy"/>), so a document can be expanded without copying it first.
    /// </summary>
    public static JsonNode? Copy(JsonNode? node) => JsonCopy.Of(node);

    /// <summary>The node's items if it is an array, or a one-item list (none for null).</summary>
    public static List<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray a => [.. a],
        _ => [node],
    };

    /// <summary>
    /// The node's items (an array's, or the node alone, none for null) to read in a <c>foreach</c>, without the
    /// copy <see cref="Items"/> makes. Only for loops that do not change the array they read.
    /// </summary>
    public static ItemsReader ReadItems(JsonNode? node) => new(node);

    /// <summary>A copy-free enumerable over the items of a node; see <see cref="ReadItems"/>.</summary>
    public readonly struct ItemsReader(JsonNode? node)
    {
        public Enumerator GetEnumerator() => new(node);

        public struct Enumerator(JsonNode? node)
        {
            private int _index = -1;

            public readonly JsonNode? Current => node is JsonArray array ? array[_index] : node;

            public bool MoveNext() => ++_index < (node switch
            {
                null => 0,
                JsonArray array => array.Count,
                _ => 1,
            });
        }
    }

    /// <summary>An array of copies of the items of <paramref name="node"/> (array or single value).</summary>
    public static JsonArray ToArray(JsonNode? node)
    {
        var result = new JsonArray();
        foreach (var item in ReadItems(node))
        {
            result.Add(Copy(item));
        }
        return result;
    }

    /// <summary>
    /// Appends <paramref name="value"/> to the array at <paramref name="key"/>. An array's items are moved, not
    /// copied, so the array passed in is left empty or, when the key has no values yet and the array no parent, becomes
    /// the key's array itself; a single value is copied only if it already has a parent.
    /// </summary>
    public static void Append(JsonObject target, string key, JsonNode? value)
    {
        if (value is JsonArray { Parent: null } whole && !target.ContainsKey(key))
        {
            // The first values of this key: the array itself is taken, rather than its items moved into a new one.
            target[key] = whole;
            return;
        }
        var array = ArrayAt(target, key);
        if (value is JsonArray items)
        {
            foreach (var item in Detach(items))
            {
                array.Add(item);
            }
        }
        else
        {
            array.Add(value?.Parent is null ? value : Copy(value));
        }
    }

    /// <summary>The array at <paramref name="key"/>, made one (from a single value or nothing) if needed.</summary>
    public static JsonArray ArrayAt(JsonObject target, string key)
    {
        if (target[key] is not JsonArray array)
        {
            array = ToArray(target[key]);
            target[key] = array;
        }
        return array;
    }

    /// <summary>Empties <paramref name="array"/> and returns its items, free to be attached elsewhere (O(n)).</summary>
    public static List<JsonNode?> Detach(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        return items;
    }

    public static bool IsValueObject(JsonNode? node) => node is JsonObject o && o.ContainsKey("@value");

    public static bool IsListObject(JsonNode? node) => node is JsonObject o && o.ContainsKey("@list");

    public static bool IsGraphObject(JsonNode? node) =>
        node is JsonObject o && o.ContainsKey("@graph")
        && o.All(p => p.Key is "@graph" or "@id" or "@index" or "@context");

    public static bool IsNodeObject(JsonNode? node) =>
        node is JsonObject o && !o.ContainsKey("@value") && !o.ContainsKey("@list") && !o.ContainsKey("@set");
}
