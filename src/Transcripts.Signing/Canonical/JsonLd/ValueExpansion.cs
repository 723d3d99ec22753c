using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>JSON-LD 1.1 API §5.3.2, Value Expansion: a scalar becomes a node reference or a value object.</summary>
internal static class ValueExpansion
{
    public static JsonObject Expand(ContextProcessor contexts, ActiveContext active, string? activeProperty, JsonNode value)
    {
        var definition = active.Term(activeProperty);
        var typeMapping = definition?.TypeMapping;
        if (typeMapping == "@id" && IsString(value, out var id))
        {
            return new JsonObject { ["@id"] = IriExpansion.Expand(contexts, active, id, documentRelative: true) };
        }
        if (typeMapping == "@vocab" && IsString(value, out var vocabId))
        {
            return new JsonObject { ["@id"] = IriExpansion.Expand(contexts, active, vocabId, documentRelative: true, vocab: true) };
        }
        var result = new JsonObject { ["@value"] = Copy(value) };
        if (typeMapping is not null and not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = typeMapping;
        }
        else if (IsString(value, out _))
        {
            var language = definition is { HasLanguage: true } ? definition.LanguageMapping : active.DefaultLanguage;
            var direction = definition is { HasDirection: true } ? definition.DirectionMapping : active.DefaultBaseDirection;
            if (language is not null)
            {
                result["@language"] = language;
            }
            if (direction is not null)
            {
                result["@direction"] = direction;
            }
        }
        return result;
    }
}
