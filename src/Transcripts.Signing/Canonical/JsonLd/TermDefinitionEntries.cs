using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>JSON-LD 1.1 API §4.2.2 steps 19–25: container, index, scoped context, language, direction, nest, prefix.</summary>
internal sealed partial class ContextProcessor
{
    private static List<string> ValidateContainer(JsonNode? container, string term, bool mode10)
    {
        var kinds = new List<string>();
        foreach (var item in Items(container))
        {
            var kind = AsString(item);
            if (kind is null || !s_containers.Contains(kind))
            {
                throw JsonLdErrors.Create("invalid container mapping", $"The @container of \"{term}\" is not a container keyword.");
            }
            kinds.Add(kind);
        }
        if (mode10 && (container is not JsonValue || kinds[0] is "@graph" or "@id" or "@type"))
        {
            throw JsonLdErrors.Create("invalid container mapping", $"The @container of \"{term}\" needs json-ld-1.1.");
        }
        var valid = kinds.Count switch
        {
            0 => false,
            1 => true,
            _ => IsValidCombination(kinds),
        };
        if (!valid || kinds.Distinct(StringComparer.Ordinal).Count() != kinds.Count)
        {
            throw JsonLdErrors.Create("invalid container mapping", $"The @container of \"{term}\" is not an allowed combination.");
        }
        return kinds;
    }

    private static bool IsValidCombination(List<string> kinds)
    {
        if (kinds.Contains("@graph"))
        {
            var rest = kinds.Where(k => k is not ("@graph" or "@set")).ToList();
            return rest.Count == 0 || (rest.Count == 1 && rest[0] is "@id" or "@index");
        }
        if (kinds.Contains("@set"))
        {
            return kinds.Count == 2 && kinds.All(k => k is "@set" or "@index" or "@id" or "@type" or "@language");
        }
        return false;
    }

    private void DefineIndexAndContext(ActiveContext active, string term, JsonObject map, TermDefinition definition,
        TermScope scope, bool mode10)
    {
        if (map.TryGetPropertyValue("@index", out var indexValue))
        {
            if (mode10 || !definition.HasContainer("@index"))
            {
                throw JsonLdErrors.Create("invalid term definition", $"@index on \"{term}\" needs an @index container.");
            }
            var index = AsString(indexValue);
            var expanded = index is null ? null : IriExpansion.Expand(this, active, index, vocab: true, scope: scope);
            if (index is null || Iris.IsKeyword(index) || expanded is null || !Iris.IsAbsolute(expanded))
            {
                throw JsonLdErrors.Create("invalid term definition", $"The @index of \"{term}\" must expand to an IRI.");
            }
            definition.IndexMapping = index;
        }
        if (map.TryGetPropertyValue("@context", out var localContext))
        {
            if (mode10)
            {
                throw JsonLdErrors.Create("invalid term definition", "Scoped contexts need json-ld-1.1.");
            }
            try
            {
                Process(active, localContext, scope.BaseUrl, [.. scope.RemoteContexts], overrideProtected: true,
                    validateScopedContext: false);
            }
            catch (SigningException e) when (e.Error == SigningError.JsonLdError
                && JsonLdErrors.CodeOf(e) is not ("recursive context inclusion" or "context overflow"))
            {
                throw JsonLdErrors.Create("invalid scoped context", $"The scoped context of \"{term}\" is invalid: {e.Message}", e);
            }
            definition.LocalContext = Copy(localContext);
            definition.HasLocalContext = true;
            definition.BaseUrl = scope.BaseUrl;
        }
    }

    private static void DefineLanguageDirectionNestPrefix(string term, JsonObject map, TermDefinition definition, bool mode10)
    {
        if (map.TryGetPropertyValue("@language", out var language) && !map.ContainsKey("@type"))
        {
            if (language is not null && !IsString(language, out _))
            {
                throw JsonLdErrors.Create("invalid language mapping", $"The @language of \"{term}\" must be a string or null.");
            }
            definition.HasLanguage = true;
            definition.LanguageMapping = AsString(language);
        }
        if (map.TryGetPropertyValue("@direction", out var direction) && !map.ContainsKey("@type"))
        {
            var value = AsString(direction);
            if (direction is not null && value is not ("ltr" or "rtl"))
            {
                throw JsonLdErrors.Create("invalid base direction", $"The @direction of \"{term}\" must be \"ltr\", \"rtl\" or null.");
            }
            definition.HasDirection = true;
            definition.DirectionMapping = value;
        }
        if (map.TryGetPropertyValue("@nest", out var nest))
        {
            var value = AsString(nest);
            if (mode10)
            {
                throw JsonLdErrors.Create("invalid term definition", "@nest needs json-ld-1.1.");
            }
            if (value is null || (Iris.IsKeyword(value) && value != "@nest"))
            {
                throw JsonLdErrors.Create("invalid @nest value", $"The @nest of \"{term}\" must be a term or @nest.");
            }
            definition.NestValue = value;
        }
        if (map.TryGetPropertyValue("@prefix", out var prefix))
        {
            if (mode10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw JsonLdErrors.Create("invalid term definition", $"@prefix is not allowed on \"{term}\".");
            }
            definition.IsPrefix = IsBool(prefix, out var p) ? p
                : throw JsonLdErrors.Create("invalid @prefix value", "@prefix must be true or false.");
            if (definition.IsPrefix && Iris.IsKeyword(definition.IriMapping))
            {
                throw JsonLdErrors.Create("invalid term definition", $"The keyword alias \"{term}\" cannot be a prefix.");
            }
        }
    }
}
