using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>JSON-LD 1.1 API §4.2.2, Create Term Definition.</summary>
internal sealed partial class ContextProcessor
{
    private static readonly HashSet<string> s_definitionKeys = new(StringComparer.Ordinal)
    {
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix",
        "@protected", "@type",
    };

    private static readonly HashSet<string> s_containers = new(StringComparer.Ordinal)
    {
        "@graph", "@id", "@index", "@language", "@list", "@set", "@type",
    };

    public void CreateTermDefinition(ActiveContext active, string term, TermScope scope)
    {
        EnterContext();
        try
        {
            CreateTermDefinitionCore(active, term, scope);
        }
        finally
        {
            Run.LeaveContext();
        }
    }

    private void CreateTermDefinitionCore(ActiveContext active, string term, TermScope scope)
    {
        if (scope.Defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }
            throw JsonLdErrors.Create("cyclic IRI mapping", $"The term \"{term}\" is defined in terms of itself.");
        }
        if (term.Length == 0)
        {
            throw JsonLdErrors.Create("invalid term definition", "The empty string cannot be a term.");
        }
        scope.Defined[term] = false;
        var value = scope.LocalContext[term];
        var mode10 = Run.Options.IsJsonLd10;
        if (term == "@type")
        {
            if (mode10 || value is not JsonObject typeDef || typeDef.Count == 0
                || typeDef.Any(p => p.Key is not ("@container" or "@protected"))
                || (typeDef.ContainsKey("@container") && AsString(typeDef["@container"]) != "@set"))
            {
                throw JsonLdErrors.Create("keyword redefinition", "@type may only be given @container @set and @protected.");
            }
        }
        else if (Iris.IsKeyword(term))
        {
            throw JsonLdErrors.Create("keyword redefinition", $"The keyword {term} cannot be redefined.");
        }
        else if (Iris.HasKeywordForm(term))
        {
            scope.Defined[term] = true;
            return;
        }
        active.Terms.Remove(term, out var previous);
        var simpleTerm = false;
        JsonObject map;
        if (value is null)
        {
            map = new JsonObject { ["@id"] = null };
        }
        else if (IsString(value, out var id))
        {
            simpleTerm = true;
            map = new JsonObject { ["@id"] = id };
        }
        else
        {
            map = value as JsonObject ?? throw JsonLdErrors.Create("invalid term definition",
                $"The definition of \"{term}\" must be a string, an object or null.");
        }
        var definition = new TermDefinition { IsProtected = scope.IsProtected };
        if (map.TryGetPropertyValue("@protected", out var protectedValue))
        {
            if (mode10)
            {
                throw JsonLdErrors.Create("invalid term definition", "@protected is not allowed in json-ld-1.0 mode.");
            }
            definition.IsProtected = IsBool(protectedValue, out var p) ? p
                : throw JsonLdErrors.Create("invalid @protected value", "@protected must be true or false.");
        }
        if (map.TryGetPropertyValue("@type", out var typeValue))
        {
            var type = AsString(typeValue) ?? throw JsonLdErrors.Create("invalid type mapping", $"The @type of \"{term}\" must be a string.");
            type = IriExpansion.Expand(this, active, type, vocab: true, scope: scope);
            if ((type is "@json" or "@none" && mode10)
                || (type is not ("@id" or "@json" or "@none" or "@vocab") && !Iris.IsAbsolute(type)))
            {
                throw JsonLdErrors.Create("invalid type mapping", $"The @type of \"{term}\" is not an IRI or an allowed keyword.");
            }
            definition.TypeMapping = type;
        }
        if (map.TryGetPropertyValue("@reverse", out var reverse))
        {
            DefineReverse(active, term, map, reverse, definition, scope);
            return;
        }
        if (!DefineIri(active, term, map, simpleTerm, definition, scope))
        {
            scope.Defined[term] = true;
            return;
        }
        if (map.TryGetPropertyValue("@container", out var container))
        {
            definition.Container = ValidateContainer(container, term, mode10);
            if (definition.HasContainer("@type"))
            {
                definition.TypeMapping ??= "@id";
                if (definition.TypeMapping is not ("@id" or "@vocab"))
                {
                    throw JsonLdErrors.Create("invalid type mapping", $"A @type container of \"{term}\" needs @type @id or @vocab.");
                }
            }
        }
        DefineIndexAndContext(active, term, map, definition, scope, mode10);
        DefineLanguageDirectionNestPrefix(term, map, definition, mode10);
        var unknown = map.Select(p => p.Key).FirstOrDefault(k => !s_definitionKeys.Contains(k));
        if (unknown is not null)
        {
            throw JsonLdErrors.Create("invalid term definition", $"The definition of \"{term}\" has the unknown entry {unknown}.");
        }
        Store(active, term, definition, previous, scope);
    }

    private static void Store(ActiveContext active, string term, TermDefinition definition, TermDefinition? previous, TermScope scope)
    {
        if (!scope.OverrideProtected && previous is { IsProtected: true })
        {
            if (!definition.SameAs(previous))
            {
                throw JsonLdErrors.Create("protected term redefinition", $"The protected term \"{term}\" cannot be redefined.");
            }
            definition = previous;
        }
        active.Terms[term] = definition;
        scope.Defined[term] = true;
    }

    private void DefineReverse(ActiveContext active, string term, JsonObject map, JsonNode? reverse,
        TermDefinition definition, TermScope scope)
    {
        if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
        {
            throw JsonLdErrors.Create("invalid reverse property", $"The reverse term \"{term}\" cannot have @id or @nest.");
        }
        var value = AsString(reverse) ?? throw JsonLdErrors.Create("invalid IRI mapping", $"The @reverse of \"{term}\" must be a string.");
        if (Iris.HasKeywordForm(value))
        {
            scope.Defined[term] = true;
            return;
        }
        var iri = IriExpansion.Expand(this, active, value, vocab: true, scope: scope);
        if (iri is null || !iri.Contains(':', StringComparison.Ordinal))
        {
            throw JsonLdErrors.Create("invalid IRI mapping", $"The @reverse of \"{term}\" is not an IRI.");
        }
        definition.IriMapping = iri;
        if (map.TryGetPropertyValue("@container", out var container))
        {
            var kind = container is null ? null : AsString(container);
            if (container is not null && kind is not ("@set" or "@index"))
            {
                throw JsonLdErrors.Create("invalid reverse property", $"The reverse term \"{term}\" may only have a @set or @index container.");
            }
            definition.Container = kind is null ? null : [kind];
        }
        DefineIndexAndContext(active, term, map, definition, scope, Run.Options.IsJsonLd10);
        definition.IsReverse = true;
        Store(active, term, definition, active.Term(term), scope);
    }

    // Returns false when the term is to be left undefined (an @id of keyword form, API §4.2.2 step 14.2.2).
    private bool DefineIri(ActiveContext active, string term, JsonObject map, bool simpleTerm,
        TermDefinition definition, TermScope scope)
    {
        var colon = term.IndexOf(':', 1);
        if (map.TryGetPropertyValue("@id", out var idValue) && AsString(idValue) != term)
        {
            if (idValue is null)
            {
                definition.IriMapping = null;
                return true;
            }
            var id = AsString(idValue) ?? throw JsonLdErrors.Create("invalid IRI mapping", $"The @id of \"{term}\" must be a string.");
            if (!Iris.IsKeyword(id) && Iris.HasKeywordForm(id))
            {
                return false;
            }
            var iri = IriExpansion.Expand(this, active, id, vocab: true, scope: scope);
            if (iri is null || (!Iris.IsKeyword(iri) && !iri.Contains(':', StringComparison.Ordinal)))
            {
                throw JsonLdErrors.Create("invalid IRI mapping", $"The @id of \"{term}\" is not an IRI, a blank node identifier or a keyword.");
            }
            if (iri == "@context")
            {
                throw JsonLdErrors.Create("invalid keyword alias", "@context cannot be aliased.");
            }
            definition.IriMapping = iri;
            if ((colon > 0 && colon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
            {
                scope.Defined[term] = true;
                if (IriExpansion.Expand(this, active, term, vocab: true, scope: scope) != iri)
                {
                    throw JsonLdErrors.Create("invalid IRI mapping", $"The term \"{term}\" looks like an IRI that differs from its @id.");
                }
                scope.Defined[term] = false;
            }
            if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm
                && (Iris.EndsWithGenDelim(iri) || Iris.IsBlankNode(iri)))
            {
                definition.IsPrefix = true;
            }
        }
        else if (colon > 0)
        {
            var prefix = term[..colon];
            if (scope.LocalContext.ContainsKey(prefix))
            {
                CreateTermDefinition(active, prefix, scope);
            }
            definition.IriMapping = active.Term(prefix) is { IriMapping: { } prefixIri }
                ? prefixIri + term[(colon + 1)..]
                : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            var iri = IriExpansion.Expand(this, active, term, vocab: true);
            definition.IriMapping = iri is not null && Iris.IsAbsolute(iri) ? iri
                : throw JsonLdErrors.Create("invalid IRI mapping", $"The term \"{term}\" does not expand to an IRI.");
        }
        else if (term == "@type")
        {
            definition.IriMapping = "@type";
        }
        else
        {
            definition.IriMapping = active.VocabularyMapping is { } vocab ? vocab + term
                : throw JsonLdErrors.Create("invalid IRI mapping", $"The term \"{term}\" has no @id and there is no @vocab.");
        }
        return true;
    }
}
