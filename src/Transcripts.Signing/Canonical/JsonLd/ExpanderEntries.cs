using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>JSON-LD 1.1 API §5.1.2 steps 13–14: the entries of a map, keywords first-class, then @nest.</summary>
internal sealed partial class Expander
{
    private void ExpandEntries(ActiveContext active, ActiveContext typeScoped, string? activeProperty,
        List<KeyValuePair<string, JsonNode?>> entries, JsonObject result, string? baseUrl, string? inputType)
    {
        List<string>? nests = null;
        foreach (var (key, value) in entries)
        {
            if (key == "@context")
            {
                continue;
            }
            Run.Enter(JsonLdRun.Member(key));
            var property = ExpandIri(active, key, vocab: true);
            if (property is null || (!property.Contains(':', StringComparison.Ordinal) && !Iris.IsKeyword(property)))
            {
                if (Run.Options.Safe)
                {
                    throw new SigningException(SigningError.UndefinedTerm,
                        $"The property \"{key}\" at {Run.JsonPath} is not defined by the context and would be dropped.");
                }
                Run.Leave();
                continue;
            }
            if (Iris.IsKeyword(property))
            {
                if (ExpandKeyword(active, typeScoped, activeProperty, key, property, value, result, baseUrl, inputType))
                {
                    (nests ??= []).Add(key);
                }
            }
            else
            {
                ExpandProperty(active, key, property, value, result, baseUrl);
            }
            Run.Leave();
        }
        if (nests is null)
        {
            return;
        }
        foreach (var nest in nests.Order(StringComparer.Ordinal))
        {
            foreach (var nested in Items(entries.Find(e => e.Key == nest).Value))
            {
                if (nested is not JsonObject nestedObject
                    || nestedObject.Any(p => ExpandIri(active, p.Key, vocab: true) == "@value"))
                {
                    throw JsonLdErrors.Create("invalid @nest value", $"The @nest value at {Run.JsonPath} must be a node object.");
                }
                var nestContext = active;
                if (active.Term(nest) is { HasLocalContext: true } nestTerm)
                {
                    nestContext = contexts.Process(active, nestTerm.LocalContext, nestTerm.BaseUrl, overrideProtected: true, localContextIsShared: true);
                }
                Run.Enter(JsonLdRun.Member(nest));
                ExpandEntries(nestContext, typeScoped, activeProperty, SortedEntries(nestedObject), result, baseUrl, inputType);
                Run.Leave();
            }
        }
    }

    // Returns true for @nest, whose value is expanded after the other entries.
    private bool ExpandKeyword(ActiveContext active, ActiveContext typeScoped, string? activeProperty, string key,
        string property, JsonNode? value, JsonObject result, string? baseUrl, string? inputType)
    {
        if (activeProperty == "@reverse")
        {
            throw JsonLdErrors.Create("invalid reverse property map", $"A keyword cannot be used in the @reverse map at {Run.JsonPath}.");
        }
        if (result.ContainsKey(property) && property is not ("@included" or "@type"))
        {
            throw JsonLdErrors.Create("colliding keywords", $"Two entries at {Run.JsonPath} expand to {property}.");
        }
        var mode10 = Run.Options.IsJsonLd10;
        JsonNode? expanded;
        switch (property)
        {
            case "@id":
                var id = AsString(value) ?? throw JsonLdErrors.Create("invalid @id value", $"The @id at {Run.JsonPath} must be a string.");
                expanded = ExpandIri(active, id, documentRelative: true);
                break;
            case "@type":
                expanded = ExpandTypes(typeScoped, key, value, result);
                break;
            case "@graph":
                expanded = ToArray(Expand(active, "@graph", value, baseUrl));
                break;
            case "@included":
                if (mode10)
                {
                    return false;
                }
                var included = ToArray(Expand(active, "@included", value, baseUrl));
                if (included.Any(i => !IsNodeObject(i)))
                {
                    throw JsonLdErrors.Create("invalid @included value", $"The @included value at {Run.JsonPath} must be node objects.");
                }
                if (result["@included"] is JsonArray existing)
                {
                    foreach (var item in Detach(included))
                    {
                        existing.Add(item);
                    }
                    return false;
                }
                expanded = included;
                break;
            case "@value":
                if (inputType == "@json")
                {
                    if (mode10)
                    {
                        throw JsonLdErrors.Create("invalid value object value", "@json needs json-ld-1.1.");
                    }
                    Run.CheckOpaque(value);
                    result["@value"] = Copy(value);
                    return false;
                }
                if (value is not null && !IsScalar(value))
                {
                    throw JsonLdErrors.Create("invalid value object value", $"The @value at {Run.JsonPath} must be a scalar or null.");
                }
                result["@value"] = Copy(value);
                return false;
            case "@language":
                var language = AsString(value) ?? throw JsonLdErrors.Create("invalid language-tagged string", $"The @language at {Run.JsonPath} must be a string.");
                expanded = language;
                break;
            case "@direction":
                if (mode10)
                {
                    return false;
                }
                expanded = AsString(value) is "ltr" or "rtl" ? Copy(value)
                    : throw JsonLdErrors.Create("invalid base direction", $"The @direction at {Run.JsonPath} must be \"ltr\" or \"rtl\".");
                break;
            case "@index":
                expanded = IsString(value, out _) ? Copy(value)
                    : throw JsonLdErrors.Create("invalid @index value", $"The @index at {Run.JsonPath} must be a string.");
                break;
            case "@list":
                if (activeProperty is null or "@graph")
                {
                    return false;
                }
                expanded = ToArray(Expand(active, activeProperty, value, baseUrl));
                break;
            case "@set":
                expanded = Expand(active, activeProperty, value, baseUrl);
                break;
            case "@reverse":
                ExpandReverse(active, value, result, baseUrl);
                return false;
            case "@nest":
                return true;
            default:
                return false;
        }
        result[property] = expanded is null || expanded.Parent is null ? expanded : expanded.DeepClone();
        return false;
    }

    private JsonNode ExpandTypes(ActiveContext typeScoped, string key, JsonNode? value, JsonObject result)
    {
        if (!IsString(value, out _) && (value is not JsonArray list || list.Any(i => !IsString(i, out _))))
        {
            throw JsonLdErrors.Create("invalid type value", $"The @type at {Run.JsonPath} must be a string or an array of strings.");
        }
        var types = new JsonArray();
        foreach (var item in Items(value))
        {
            var type = AsString(item)!;
            var iri = ExpandIri(typeScoped, type, documentRelative: true, vocab: true);
            if (Run.Options.Safe && (iri is null || (!Iris.IsAbsolute(iri) && !Iris.IsBlankNode(iri))))
            {
                throw new SigningException(SigningError.InvalidIri,
                    $"The type \"{type}\" in \"{key}\" at {Run.JsonPath} does not expand to an absolute IRI and would be dropped.");
            }
            types.Add((JsonNode?)JsonValue.Create(iri));
        }
        if (result["@type"] is { } existing)
        {
            var all = ToArray(existing);
            foreach (var type in types.ToList())
            {
                all.Add(Copy(type));
            }
            return all;
        }
        return IsString(value, out _) ? Copy(types[0])! : types;
    }

    private void ExpandReverse(ActiveContext active, JsonNode? value, JsonObject result, string? baseUrl)
    {
        if (value is not JsonObject)
        {
            throw JsonLdErrors.Create("invalid @reverse value", $"The @reverse at {Run.JsonPath} must be an object.");
        }
        if (Expand(active, "@reverse", value, baseUrl) is not JsonObject expanded)
        {
            return;
        }
        if (expanded["@reverse"] is JsonObject doubled)
        {
            foreach (var (property, items) in doubled)
            {
                Append(result, property, items);
            }
        }
        foreach (var (property, items) in expanded)
        {
            if (property == "@reverse")
            {
                continue;
            }
            if (result["@reverse"] is not JsonObject reverseMap)
            {
                reverseMap = new JsonObject();
                result["@reverse"] = reverseMap;
            }
            foreach (var item in Items(items))
            {
                if (IsValueObject(item) || IsListObject(item))
                {
                    throw JsonLdErrors.Create("invalid reverse property value", $"A @reverse value at {Run.JsonPath} cannot be a value or list.");
                }
                Append(reverseMap, property, item);
            }
        }
    }
}
