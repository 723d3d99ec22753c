using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>JSON-LD 1.1 API §5.1.2 steps 13.5–13.14: a property that is not a keyword, with its container.</summary>
internal sealed partial class Expander
{
    private void ExpandProperty(ActiveContext active, string key, string property, JsonNode? value, JsonObject result,
        string? baseUrl)
    {
        var definition = active.Term(key);
        JsonNode? expanded;
        if (definition?.TypeMapping == "@json")
        {
            Run.CheckOpaque(value);
            expanded = new JsonObject { ["@value"] = Copy(value), ["@type"] = "@json" };
        }
        else if (definition?.HasContainer("@language") == true && value is JsonObject languageMap)
        {
            expanded = ExpandLanguageMap(active, definition, languageMap);
        }
        else if (definition is not null && value is JsonObject indexMap
            && (definition.HasContainer("@index") || definition.HasContainer("@type") || definition.HasContainer("@id")))
        {
            expanded = ExpandIndexMap(active, key, definition, indexMap, baseUrl);
        }
        else
        {
            expanded = Expand(active, key, value, baseUrl);
        }
        if (expanded is null)
        {
            return;
        }
        if (definition?.HasContainer("@list") == true && !IsListObject(expanded))
        {
            expanded = new JsonObject { ["@list"] = ToArray(expanded) };
        }
        if (definition?.HasContainer("@graph") == true && !definition.HasContainer("@id") && !definition.HasContainer("@index"))
        {
            var graphs = new JsonArray();
            foreach (var item in Items(expanded))
            {
                graphs.Add((JsonNode)new JsonObject { ["@graph"] = ToArray(item) });
            }
            expanded = graphs;
        }
        if (definition?.IsReverse == true)
        {
            if (result["@reverse"] is not JsonObject reverseMap)
            {
                reverseMap = new JsonObject();
                result["@reverse"] = reverseMap;
            }
            foreach (var item in Items(expanded))
            {
                if (IsValueObject(item) || IsListObject(item))
                {
                    throw JsonLdErrors.Create("invalid reverse property value", $"The reverse property \"{key}\" at {Run.JsonPath} cannot have a value or list.");
                }
                Append(reverseMap, property, item);
            }
            return;
        }
        Append(result, property, expanded);
    }

    private JsonArray ExpandLanguageMap(ActiveContext active, TermDefinition definition, JsonObject map)
    {
        var result = new JsonArray();
        var direction = definition.HasDirection ? definition.DirectionMapping : active.DefaultBaseDirection;
        foreach (var (language, languageValue) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var item in Items(languageValue))
            {
                if (item is null)
                {
                    continue;
                }
                if (!IsString(item, out var text))
                {
                    throw JsonLdErrors.Create("invalid language map value", $"The language map at {Run.JsonPath} must hold strings.");
                }
                Run.CountNode();
                var value = new JsonObject { ["@value"] = text };
                if (ExpandIri(active, language, vocab: true) != "@none")
                {
                    value["@language"] = language;
                }
                if (direction is not null)
                {
                    value["@direction"] = direction;
                }
                result.Add((JsonNode)value);
            }
        }
        return result;
    }

    private JsonArray ExpandIndexMap(ActiveContext active, string key, TermDefinition definition, JsonObject map, string? baseUrl)
    {
        var result = new JsonArray();
        var indexKey = definition.IndexMapping ?? "@index";
        var isType = definition.HasContainer("@type");
        var isId = definition.HasContainer("@id");
        var isIndex = definition.HasContainer("@index");
        foreach (var (index, indexValue) in map.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            var mapContext = active;
            if (isType || isId)
            {
                mapContext = active.PreviousContext ?? active;
            }
            if (isType && mapContext.Term(index) is { HasLocalContext: true } indexTerm)
            {
                mapContext = contexts.Process(mapContext, indexTerm.LocalContext, indexTerm.BaseUrl, localContextIsShared: true);
            }
            else if (!isType)
            {
                mapContext = active;
            }
            var expandedIndex = ExpandIri(active, index, vocab: true);
            Run.Enter(JsonLdRun.Member(index));
            var items = Expand(mapContext, key, ToArray(indexValue), baseUrl, fromMap: true);
            Run.Leave();
            foreach (var item in items is JsonArray expandedItems ? Detach(expandedItems) : Items(items))
            {
                var entry = item;
                if (definition.HasContainer("@graph") && !IsGraphObject(entry))
                {
                    entry = new JsonObject { ["@graph"] = ToArray(entry) };
                }
                if (entry is not JsonObject obj)
                {
                    continue;
                }
                if (isIndex && indexKey != "@index" && expandedIndex != "@none")
                {
                    var reExpanded = ValueExpansion.Expand(contexts, active, indexKey, JsonValue.Create(index));
                    var indexProperty = ExpandIri(active, indexKey, vocab: true)!;
                    var values = new JsonArray(reExpanded);
                    foreach (var existing in Items(obj[indexProperty]))
                    {
                        values.Add(Copy(existing));
                    }
                    obj[indexProperty] = values;
                    if (IsValueObject(obj) && obj.Count > 1)
                    {
                        throw JsonLdErrors.Create("invalid value object", $"A value in the index map at {Run.JsonPath} cannot carry the index property.");
                    }
                }
                else if (isIndex && !obj.ContainsKey("@index") && expandedIndex != "@none")
                {
                    obj["@index"] = index;
                }
                else if (isId && !obj.ContainsKey("@id") && expandedIndex != "@none")
                {
                    obj["@id"] = ExpandIri(active, index, documentRelative: true);
                }
                else if (isType && expandedIndex != "@none")
                {
                    var types = new JsonArray(expandedIndex);
                    foreach (var existing in Items(obj["@type"]))
                    {
                        types.Add(Copy(existing));
                    }
                    obj["@type"] = types;
                }
                result.Add((JsonNode)obj);
            }
        }
        return result;
    }
}
