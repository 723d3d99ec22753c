using System.Text.Json.Nodes;

namespace Transcripts.Signing.Tests.Contexts;

/// <summary>What a JSON-LD term means once prefixes and <c>@vocab</c> are resolved (JSON-LD 1.1 API §4.2, simplified).</summary>
public sealed record TermDefinition(
    string? Id, string? Type, string? Container, bool Protected, IReadOnlyDictionary<string, TermDefinition>? Scoped);

/// <summary>
/// A small term resolver for comparing two context documents structurally, independent of formatting, key
/// order and the choice between a compact IRI and its full form. It is not a JSON-LD processor: it handles
/// the features contexts here use (prefixes, @vocab, @id/@type/@container/@protected, scoped contexts,
/// context-wide @protected) and records remote context references by URL.
/// </summary>
public static class TermDefinitions
{
    public static IReadOnlyDictionary<string, TermDefinition> Resolve(JsonNode document) =>
        Resolve(document["@context"] ?? throw new ArgumentException("No @context.", nameof(document)), null);

    /// <summary>Lists every difference, one readable line each; empty when the two contexts define the same terms.</summary>
    public static List<string> Compare(
        IReadOnlyDictionary<string, TermDefinition> expected, IReadOnlyDictionary<string, TermDefinition> actual, string path = "")
    {
        var differences = new List<string>();
        foreach (var term in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var where = path + term;
            if (!actual.TryGetValue(term, out var a))
            {
                differences.Add($"{where}: missing (the official copy has {expected[term] with { Scoped = null }})");
                continue;
            }
            if (!expected.TryGetValue(term, out var e))
            {
                differences.Add($"{where}: not in the official copy");
                continue;
            }
            Check(differences, where, "@id", e.Id, a.Id);
            Check(differences, where, "@type", e.Type, a.Type);
            Check(differences, where, "@container", e.Container, a.Container);
            Check(differences, where, "@protected", e.Protected.ToString(), a.Protected.ToString());
            if ((e.Scoped is null) != (a.Scoped is null))
            {
                differences.Add($"{where}: scoped @context {(e.Scoped is null ? "unexpected" : "missing")}");
            }
            else if (e.Scoped is not null)
            {
                differences.AddRange(Compare(e.Scoped, a.Scoped!, where + "/"));
            }
        }
        return differences;
    }

    private static void Check(List<string> differences, string where, string key, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            differences.Add($"{where}: {key} is {actual ?? "(none)"}, the official copy has {expected ?? "(none)"}");
        }
    }

    private sealed class Scope(Scope? parent)
    {
        public Dictionary<string, string?> Ids { get; } = new(StringComparer.Ordinal);
        public string? Vocab { get; set; } = parent?.Vocab;

        public bool TryGetId(string term, out string? id) =>
            Ids.TryGetValue(term, out id) || (parent is not null && parent.TryGetId(term, out id));
    }

    private static Dictionary<string, TermDefinition> Resolve(JsonNode context, Scope? parent)
    {
        var scope = new Scope(parent);
        var result = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
        var objects = context is JsonArray array ? array.ToList() : [context];
        foreach (var item in objects)
        {
            if (item is JsonValue remote)
            {
                result["@import " + remote.GetValue<string>()] = new TermDefinition(remote.GetValue<string>(), null, null, false, null);
                continue;
            }
            var definitions = (JsonObject)item!;
            var contextProtected = definitions["@protected"]?.GetValue<bool>() ?? false;
            if (definitions["@vocab"] is JsonValue vocab)
            {
                scope.Vocab = Expand(vocab.GetValue<string>(), scope);
            }
            // First the plain IRIs every term may use as a prefix, then the full definitions.
            foreach (var (term, value) in definitions)
            {
                if (!term.StartsWith('@'))
                {
                    scope.Ids[term] = value is JsonValue plain ? plain.GetValue<string>() : value?["@id"]?.GetValue<string>();
                }
            }
            foreach (var term in scope.Ids.Keys.ToList())
            {
                scope.Ids[term] = scope.Ids[term] is { } raw ? Expand(raw, scope, term) : Expand(term, scope);
            }
            foreach (var (term, value) in definitions)
            {
                if (term.StartsWith('@'))
                {
                    continue;
                }
                var id = scope.Ids[term];
                if (value is not JsonObject definition)
                {
                    result[term] = new TermDefinition(id, null, null, contextProtected, null);
                    continue;
                }
                var type = definition["@type"]?.GetValue<string>() is { } t ? Expand(t, scope) : null;
                var container = definition["@container"] switch
                {
                    JsonArray many => string.Join(",", many.Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal)),
                    JsonValue one => one.GetValue<string>(),
                    _ => null,
                };
                var isProtected = definition["@protected"]?.GetValue<bool>() ?? contextProtected;
                var scoped = definition["@context"] is { } inner ? Resolve(inner, scope) : null;
                result[term] = new TermDefinition(id, type, container, isProtected, scoped);
            }
        }
        return result;
    }

    private static string Expand(string value, Scope scope, string? definingTerm = null)
    {
        if (value.StartsWith('@'))
        {
            return value;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !value[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
        {
            var prefix = value[..colon];
            if (prefix != definingTerm && scope.TryGetId(prefix, out var prefixId) && prefixId is not null)
            {
                return prefixId + value[(colon + 1)..];
            }
            return value;
        }
        if (colon > 0)
        {
            return value;
        }
        if (value != definingTerm && scope.TryGetId(value, out var termId) && termId is not null)
        {
            return termId;
        }
        return scope.Vocab is not null ? scope.Vocab + value : value;
    }
}
