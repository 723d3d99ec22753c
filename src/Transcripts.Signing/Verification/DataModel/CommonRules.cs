// The MUSTs that credentials and presentations share: VC Data Model 2.0 §4.3 Contexts, §4.4 Identifiers, §4.5 Types,
// §4.6 Names and Descriptions with §11.1 Language and Base Direction; and their VC Data Model 1.1 counterparts (§4.1
// Contexts, §4.2 Identifiers, §4.3 Types), which differ only in the base context URL.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.DataModel;

internal static class CommonRules
{
    public const string V2Context = "https://www.w3.org/ns/credentials/v2";
    public const string V1Context = "https://www.w3.org/2018/credentials/v1";

    /// <summary>
    /// §4.3: <c>@context</c> present, an ordered set whose first item is a base context, the rest URLs or objects.
    /// </summary>
    /// <returns>The base context the document names (v2 or v1), or null when the first item is neither.</returns>
    public static string? Context(JsonObject document, string path, string what, Violations violations)
    {
        var at = Violations.Join(path, "@context");
        if (!document.TryGetPropertyValue("@context", out var context))
        {
            violations.Add(DataModelRules.ContextMissing, at,
                $"{Violations.Vc2} §4.3 Contexts: a {what} MUST include @context; this one has none.");
            return null;
        }
        var items = Violations.Items(context);
        var first = items.Count == 0 ? null : Violations.Text(items[0]);
        var isBase = first is V2Context or V1Context;
        if (!isBase)
        {
            violations.Add(DataModelRules.ContextFirst, at,
                $"{Violations.Vc2} §4.3 Contexts: the first @context item MUST be {V2Context} (or {V1Context} for a 1.1 {what}); here it is {(items.Count == 0 ? "an empty list" : Violations.Describe(items[0]))}.");
        }
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            if (item is JsonObject)
            {
                continue;
            }
            var url = Violations.Text(item);
            if (!Url.IsUrl(url))
            {
                violations.Add(DataModelRules.ContextItem, $"{at}[{i}]",
                    $"{Violations.Vc2} §4.3 Contexts: every @context item after the first MUST be a URL or an object; item {i + 1} is {Violations.Describe(item)}.");
            }
            else if (url is V2Context or V1Context)
            {
                violations.Add(DataModelRules.ContextFirst, $"{at}[{i}]",
                    $"{Violations.Vc2} §4.3 Contexts: the base context {url} MUST come first, not as item {i + 1}.");
            }
        }
        return isBase ? first : null;
    }

    /// <summary>§4.5: <c>type</c> present, made of terms or absolute URLs, and including <paramref name="required"/> when given.</summary>
    public static void Type(JsonObject obj, string path, string what, string? required, string requiredRule, Violations violations)
    {
        var at = Violations.Join(path, "type");
        if (!obj.TryGetPropertyValue("type", out var type) || type is JsonArray { Count: 0 } || type is null)
        {
            violations.Add(DataModelRules.TypeMissing, at,
                $"{Violations.Vc2} §4.5 Types: {what} MUST have a type{(required is null ? "" : $" that includes {required}")}; {(type is null ? "there is none" : "it is empty")}.");
            return;
        }
        var isArray = type is JsonArray;
        var items = Violations.Items(type);
        for (var i = 0; i < items.Count; i++)
        {
            var text = Violations.Text(items[i]);
            if (string.IsNullOrEmpty(text) || (text.Contains(':', StringComparison.Ordinal) && !Url.IsUrl(text)) || text.Any(char.IsWhiteSpace))
            {
                violations.Add(DataModelRules.TypeValue, Violations.Index(at, i, isArray),
                    $"{Violations.Vc2} §4.5 Types: every type value MUST be a term or an absolute URL string; {what} has {Violations.Describe(items[i])}.");
            }
        }
        if (required is not null && !items.Any(t => Violations.Text(t) == required))
        {
            violations.Add(requiredRule, at, $"{Violations.Vc2} §4.5 Types: the type of {what} MUST include {required}; it does not.");
        }
    }

    /// <summary>§4.4: an <c>id</c>, when present, is a single URL.</summary>
    public static void Id(JsonObject obj, string path, string what, Violations violations)
    {
        if (obj.TryGetPropertyValue("id", out var id) && !Url.IsUrl(Violations.Text(id)))
        {
            violations.Add(DataModelRules.IdUrl, Violations.Join(path, "id"),
                $"{Violations.Vc2} §4.4 Identifiers: the id of {what}, when present, MUST be a single URL; it is {Violations.Describe(id)}.");
        }
    }

    /// <summary>§4.6 with §11.1: <c>name</c> and <c>description</c> are strings or language value objects (or a list of them).</summary>
    public static void NameAndDescription(JsonObject obj, string path, string what, Violations violations)
    {
        foreach (var property in (ReadOnlySpan<string>)["name", "description"])
        {
            if (!obj.TryGetPropertyValue(property, out var value))
            {
                continue;
            }
            var items = value is JsonArray { Count: > 0 } array ? [.. array] : Violations.Items(value);
            if (!items.All(IsStringOrLanguageValue))
            {
                violations.Add(DataModelRules.NameDescription, Violations.Join(path, property),
                    $"{Violations.Vc2} §4.6 Names and Descriptions: the {property} of {what} MUST be a string or a language value object "
                    + "(§11.1: @value a string, optional @language and @direction, no other keys); it is not.");
            }
        }
    }

    private static bool IsStringOrLanguageValue(JsonNode? node)
    {
        if (Violations.Text(node) is not null)
        {
            return true;
        }
        if (node is not JsonObject obj || Violations.Text(obj["@value"]) is null)
        {
            return false;
        }
        foreach (var (key, value) in obj)
        {
            var isAllowed = key switch
            {
                "@value" => true,
                "@language" => Violations.Text(value) is not null,
                "@direction" => Violations.Text(value) is "ltr" or "rtl" || value is null,
                _ => false,
            };
            if (!isAllowed)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether the node is a JSON string (for "MUST be a URL or an object" rules that read the kind first).</summary>
    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
