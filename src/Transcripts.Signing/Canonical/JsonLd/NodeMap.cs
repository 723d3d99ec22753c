using System.Globalization;
using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// JSON-LD 1.1 API §7.2.2, Node Map Generation, with the Generate Blank Node Identifier algorithm (§7.3):
/// every blank node of the expanded document gets a fresh label <c>_:b0</c>, <c>_:b1</c>, … so that labels
/// chosen by the document's author cannot collide with generated ones. <see cref="Add"/> consumes the expanded
/// document it is given: its arrays are emptied and their values moved into the node map.
/// </summary>
internal sealed class NodeMap(JsonLdRun run)
{
    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);

    // The serialized values of each node-map array, so that "add value uniquely" is O(1) and not a scan:
    // a property with many values must not make node map generation quadratic.
    // Keyed by graph name, subject and property rather than by the array object: hashing fresh objects by
    // identity was a noticeable share of node map generation.
    private readonly Dictionary<(string Graph, string Subject, string Property), HashSet<string>> _seen = [];
    private int _counter;

    /// <summary>Graph name (<c>@default</c> for the default graph) → subject → node object.</summary>
    public Dictionary<string, Dictionary<string, JsonObject>> Graphs { get; } = new(StringComparer.Ordinal)
    {
        ["@default"] = new(StringComparer.Ordinal),
    };

    /// <summary>A new blank node identifier, or the one already issued for <paramref name="identifier"/>.</summary>
    public string GenerateBlankNode(string? identifier = null)
    {
        if (identifier is not null && _issued.TryGetValue(identifier, out var issued))
        {
            return issued;
        }
        var label = "_:b" + _counter++.ToString(CultureInfo.InvariantCulture);
        if (identifier is not null)
        {
            _issued[identifier] = label;
        }
        return label;
    }

    public void Add(JsonNode? element, string activeGraph = "@default", JsonNode? activeSubject = null,
        string? activeProperty = null, JsonObject? list = null)
    {
        if (element is JsonArray array)
        {
            // Taking the items out of the (discarded) expanded document lets values move into the node map
            // instead of being deep-copied, the largest allocation of node map generation.
            foreach (var item in Detach(array))
            {
                Add(item, activeGraph, activeSubject, activeProperty, list);
            }
            return;
        }
        if (element is not JsonObject source)
        {
            return;
        }
        var graph = GraphOf(activeGraph);
        var subjectId = AsString(activeSubject);
        var subjectNode = subjectId is not null && graph.TryGetValue(subjectId, out var s) ? s : null;
        if (source.ContainsKey("@value"))
        {
            if (list is null)
            {
                AppendUnique(activeGraph, subjectId, subjectNode!, activeProperty!, source);
            }
            else
            {
                Append((JsonObject)list, "@list", source);
            }
            return;
        }
        if (source.TryGetPropertyValue("@list", out var items))
        {
            var result = new JsonObject { ["@list"] = new JsonArray() };
            Add(items, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                Append(subjectNode!, activeProperty!, new JsonArray(result));
            }
            else
            {
                Append(list, "@list", new JsonArray(result));
            }
            return;
        }
        AddNode(source, graph, activeGraph, activeSubject, subjectId, subjectNode, activeProperty, list);
    }

    private void AppendUnique(string graph, string? subject, JsonObject target, string key, JsonNode value)
    {
        var array = ArrayAt(target, key);
        if (!_seen.TryGetValue((graph, subject!, key), out var seen))
        {
            seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var existing in array)
            {
                seen.Add(IdentityOf(existing));
            }
            _seen[(graph, subject!, key)] = seen;
        }
        if (seen.Add(IdentityOf(value)))
        {
            array.Add(value.Parent is null ? value : Copy(value));
        }
    }

    /// <summary>
    /// A string equal for two values exactly when their JSON texts are equal ("add value uniquely" compares values
    /// as JSON). Node references and strings, most of a node map's values, get a short form without writing JSON;
    /// those forms begin with a control character, which JSON text never does, so they cannot meet the JSON text of
    /// another value. Text with surrogates takes the JSON path, which rejects unpaired ones as it always did.
    /// </summary>
    private static string IdentityOf(JsonNode? value)
    {
        if (IsString(value, out var text) && !HasSurrogates(text))
        {
            return "\u0001" + text;
        }
        if (value is JsonObject { Count: 1 } reference && reference.TryGetPropertyValue("@id", out var id)
            && IsString(id, out var iri) && !HasSurrogates(iri))
        {
            return "\u0002" + iri;
        }
        return value?.ToJsonString() ?? "null";
    }

    private static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private Dictionary<string, JsonObject> GraphOf(string name)
    {
        if (!Graphs.TryGetValue(name, out var graph))
        {
            graph = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            Graphs[name] = graph;
        }
        return graph;
    }

    private void AddNode(JsonObject element, Dictionary<string, JsonObject> graph, string activeGraph, JsonNode? activeSubject,
        string? subjectId, JsonObject? subjectNode, string? activeProperty, JsonObject? list)
    {
        if (element.TryGetPropertyValue("@id", out var idValue) && idValue is null)
        {
            // An @id that expanded to null (a keyword-like string): the spec's toRdf skips such a node.
            if (run.Options.Safe)
            {
                throw new SigningException(SigningError.InvalidIri, "A node's @id is not an IRI, so the node would be dropped.");
            }
            return;
        }
        var id = AsString(element["@id"]);
        id = id is null ? GenerateBlankNode() : Iris.IsBlankNode(id) ? GenerateBlankNode(id) : id;
        if (!graph.TryGetValue(id, out var node))
        {
            node = new JsonObject { ["@id"] = id };
            graph[id] = node;
        }
        if (activeSubject is JsonObject reverseSubject)
        {
            AppendUnique(activeGraph, id, node, activeProperty!, reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = new JsonObject { ["@id"] = id };
            if (list is null)
            {
                AppendUnique(activeGraph, subjectId, subjectNode!, activeProperty, reference);
            }
            else
            {
                Append(list, "@list", new JsonArray(reference));
            }
        }
        foreach (var type in ReadItems(element["@type"]))
        {
            var name = AsString(type);
            if (name is not null)
            {
                AppendUnique(activeGraph, id, node, "@type", JsonValue.Create(Iris.IsBlankNode(name) ? GenerateBlankNode(name) : name));
            }
        }
        if (element.TryGetPropertyValue("@index", out var index))
        {
            if (node.TryGetPropertyValue("@index", out var existing) && !JsonNode.DeepEquals(existing, index))
            {
                throw JsonLdErrors.Create("conflicting indexes", $"The node {id} has two different @index values.");
            }
            node["@index"] = Copy(index);
        }
        if (element["@reverse"] is JsonObject reverseMap)
        {
            var referenced = new JsonObject { ["@id"] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in Items(values))
                {
                    Add(value, activeGraph, referenced, property);
                }
            }
        }
        if (element.TryGetPropertyValue("@graph", out var graphValue))
        {
            GraphOf(id);
            Add(graphValue, id);
        }
        if (element.TryGetPropertyValue("@included", out var included))
        {
            Add(included, activeGraph);
        }
        foreach (var (key, value) in element.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is "@id" or "@type" or "@index" or "@reverse" or "@graph" or "@included")
            {
                continue;
            }
            var property = Iris.IsBlankNode(key) ? GenerateBlankNode(key) : key;
            if (!node.ContainsKey(property))
            {
                node[property] = new JsonArray();
            }
            Add(value, activeGraph, JsonValue.Create(id), property);
        }
    }
}
