using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// JSON-LD 1.1 API §5.1.2, the Expansion algorithm (without frame expansion, which is not needed).
/// Depth is bounded by <see cref="Limits.MaxDepth"/> and the values produced by <see cref="Limits.MaxNodes"/>.
/// In safe mode a property or type that would be dropped raises <see cref="SigningError.UndefinedTerm"/>
/// or <see cref="SigningError.InvalidIri"/>, naming the term and its JSON path.
/// </summary>
internal sealed partial class Expander(ContextProcessor contexts)
{
    private JsonLdRun Run => contexts.Run;

    private string? ExpandIri(ActiveContext active, string? value, bool documentRelative = false, bool vocab = false) =>
        IriExpansion.Expand(contexts, active, value, documentRelative, vocab);

    public JsonNode? Expand(ActiveContext active, string? activeProperty, JsonNode? element, string? baseUrl, bool fromMap = false)
    {
        if (element is null)
        {
            return null;
        }
        Run.CountNode();
        var definition = active.Term(activeProperty);
        if (element is JsonArray array)
        {
            var result = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                Run.Enter(JsonLdRun.Index(i));
                var expanded = Expand(active, activeProperty, array[i], baseUrl, fromMap);
                Run.Leave();
                if (definition?.HasContainer("@list") == true && expanded is JsonArray)
                {
                    expanded = new JsonObject { ["@list"] = expanded };
                }
                if (expanded is JsonArray items)
                {
                    foreach (var item in Detach(items))
                    {
                        result.Add(item);
                    }
                }
                else if (expanded is not null)
                {
                    result.Add(expanded);
                }
            }
            return result;
        }
        if (element is not JsonObject node)
        {
            if (activeProperty is null or "@graph")
            {
                return null;
            }
            if (definition is { HasLocalContext: true })
            {
                active = contexts.Process(active, definition.LocalContext, definition.BaseUrl, localContextIsShared: true);
            }
            return ValueExpansion.Expand(contexts, active, activeProperty, element);
        }
        return ExpandObject(active, activeProperty, definition, node, baseUrl, fromMap);
    }

    private JsonNode? ExpandObject(ActiveContext active, string? activeProperty, TermDefinition? definition,
        JsonObject element, string? baseUrl, bool fromMap)
    {
        if (active.PreviousContext is not null && !fromMap && !RevertsExempt(active, element))
        {
            active = active.PreviousContext;
        }
        if (definition is { HasLocalContext: true })
        {
            active = contexts.Process(active, definition.LocalContext, definition.BaseUrl, overrideProtected: true, localContextIsShared: true);
        }
        var root = Run.Root is { } view && ReferenceEquals(view.Secured, element) ? view : null;
        if (root is null ? element.TryGetPropertyValue("@context", out var localContext) : root.TryGetContext(out localContext))
        {
            active = contexts.Process(active, localContext, baseUrl);
        }
        var typeScoped = active;
        string? inputType = null;
        var entries = root is null ? SortedEntries(element) : Sorted(root.Entries());
        foreach (var (key, value) in entries)
        {
            if (ExpandIri(active, key, vocab: true) != "@type")
            {
                continue;
            }
            var types = new List<string>();
            foreach (var item in ReadItems(value))
            {
                if (AsString(item) is { } type)
                {
                    types.Add(type);
                }
            }
            foreach (var type in types.Order(StringComparer.Ordinal))
            {
                if (typeScoped.Term(type) is { HasLocalContext: true } typeTerm)
                {
                    active = contexts.Process(active, typeTerm.LocalContext, typeTerm.BaseUrl, propagate: false, localContextIsShared: true);
                }
            }
            if (inputType is null && types.Count > 0)
            {
                inputType = ExpandIri(active, types[^1], vocab: true);
            }
        }
        var result = new JsonObject();
        ExpandEntries(active, typeScoped, activeProperty, entries, result, baseUrl, inputType);
        return Finish(activeProperty, result);
    }

    // API §5.1.2 step 7: a value object, or a node reference with only @id, keeps a non-propagated context.
    // A key expands to a keyword only when it is one or a term aliases one (IRI Expansion steps 1–4), so the term
    // definitions answer without expanding every key.
    private static bool RevertsExempt(ActiveContext active, JsonObject element)
    {
        if (element.Count == 1)
        {
            foreach (var (key, _) in element)
            {
                var keyword = Iris.IsKeyword(key) ? key : active.Term(key)?.IriMapping;
                return keyword is "@value" or "@id";
            }
        }
        if (element.ContainsKey("@value"))
        {
            return true;
        }
        foreach (var alias in active.ValueAliases)
        {
            if (element.ContainsKey(alias))
            {
                return true;
            }
        }
        return false;
    }

    // The entries of a map in code point order of their keys (ordinal UTF-16 order, as the processor always used).
    private static List<KeyValuePair<string, JsonNode?>> SortedEntries(JsonObject element)
    {
        var entries = new List<KeyValuePair<string, JsonNode?>>(element.Count);
        foreach (var entry in element)
        {
            entries.Add(entry);
        }
        return Sorted(entries);
    }

    private static List<KeyValuePair<string, JsonNode?>> Sorted(List<KeyValuePair<string, JsonNode?>> entries)
    {
        entries.Sort(static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        return entries;
    }

    private JsonNode? Finish(string? activeProperty, JsonObject result)
    {
        if (result.ContainsKey("@value"))
        {
            if (result.Any(p => p.Key is not ("@direction" or "@index" or "@language" or "@type" or "@value"))
                || (result.ContainsKey("@type") && (result.ContainsKey("@language") || result.ContainsKey("@direction"))))
            {
                throw JsonLdErrors.Create("invalid value object", $"The value object at {Run.JsonPath} has disallowed entries.");
            }
            var value = result["@value"];
            if (AsString(result["@type"]) == "@json")
            {
                return result;
            }
            if (value is null || (value is JsonArray a && a.Count == 0))
            {
                return null;
            }
            if (!IsScalar(value))
            {
                throw JsonLdErrors.Create("invalid value object value", $"The @value at {Run.JsonPath} must be a string, number or boolean.");
            }
            if (result.ContainsKey("@language") && !IsString(value, out _))
            {
                throw JsonLdErrors.Create("invalid language-tagged value", $"The language-tagged value at {Run.JsonPath} must be a string.");
            }
            if (result.TryGetPropertyValue("@type", out var datatype)
                && (!IsString(datatype, out var t) || !Iris.IsWellFormedAbsolute(t) || Iris.IsBlankNode(t)))
            {
                throw JsonLdErrors.Create("invalid typed value", $"The @type of the value at {Run.JsonPath} must be an IRI.");
            }
        }
        else if (result.TryGetPropertyValue("@type", out var type) && type is not JsonArray)
        {
            result["@type"] = new JsonArray(Copy(type));
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
            {
                throw JsonLdErrors.Create("invalid set or list object", $"The @set or @list at {Run.JsonPath} has other entries.");
            }
            if (result.TryGetPropertyValue("@set", out var set))
            {
                result.Remove("@set");
                return set;
            }
        }
        if (result.Count == 1 && result.ContainsKey("@language"))
        {
            return null;
        }
        if (activeProperty is null or "@graph")
        {
            if (result.Count == 0 || result.ContainsKey("@value") || result.ContainsKey("@list")
                || (result.Count == 1 && result.ContainsKey("@id")))
            {
                return null;
            }
        }
        return result;
    }
}
