namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// JSON-LD 1.1 API §5.2.2, IRI Expansion. With a <see cref="TermScope"/>, terms of the local context being
/// processed are defined on demand (steps 3 and 6.3). A result without a colon is a relative IRI (or null).
/// Vocabulary-relative expansions (property names, types) against a shared, unchanging context are remembered
/// by that context: without a scope the result depends on the context and the arguments only.
/// </summary>
internal static class IriExpansion
{
    public static string? Expand(ContextProcessor processor, ActiveContext active, string? value,
        bool documentRelative = false, bool vocab = false, TermScope? scope = null)
    {
        if (value is null || Iris.IsKeyword(value))
        {
            return value;
        }
        if (!vocab || scope is not null)
        {
            return ExpandCore(processor, active, value, documentRelative, vocab, scope);
        }
        if (active.TryGetRememberedIri(value, documentRelative, out var remembered))
        {
            return remembered;
        }
        var iri = ExpandCore(processor, active, value, documentRelative, vocab, scope);
        active.RememberIri(value, documentRelative, iri);
        return iri;
    }

    private static string? ExpandCore(ContextProcessor processor, ActiveContext active, string value,
        bool documentRelative, bool vocab, TermScope? scope)
    {
        if (Iris.HasKeywordForm(value))
        {
            return null;
        }
        if (scope is not null && scope.LocalContext.ContainsKey(value)
            && (!scope.Defined.TryGetValue(value, out var done) || !done))
        {
            processor.CreateTermDefinition(active, value, scope);
        }
        var term = active.Term(value);
        if (term is not null && Iris.IsKeyword(term.IriMapping))
        {
            return term.IriMapping;
        }
        if (vocab && term is not null)
        {
            return term.IriMapping;
        }
        var colon = value.IndexOf(':', 1 < value.Length ? 1 : 0);
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }
            if (scope is not null && scope.LocalContext.ContainsKey(prefix)
                && (!scope.Defined.TryGetValue(prefix, out var prefixDone) || !prefixDone))
            {
                processor.CreateTermDefinition(active, prefix, scope);
            }
            if (active.Term(prefix) is { IriMapping: { } prefixIri, IsPrefix: true })
            {
                return prefixIri + suffix;
            }
            if (Iris.IsAbsolute(value))
            {
                return value;
            }
        }
        if (vocab && active.VocabularyMapping is { } mapping)
        {
            return mapping + value;
        }
        if (documentRelative)
        {
            return Iris.Resolve(active.BaseIri, value);
        }
        return value;
    }
}
