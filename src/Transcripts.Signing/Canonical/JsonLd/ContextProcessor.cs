using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// JSON-LD 1.1 Processing Algorithms and API §4.1.2, Context Processing. Remote contexts come only from
/// the <see cref="IDocumentLoader"/>; loaded documents are cached per loader, the number of distinct
/// context documents one call may load is bounded by <see cref="Limits.MaxContextLoads"/>, and a context
/// that includes itself (directly or through others) is a "recursive context inclusion" error. Processed
/// contexts are shared between runs through the <see cref="ProcessedContextCache"/> (its remarks say why that
/// is sound); <see cref="Process"/> never changes the context it is given.
/// </summary>
internal sealed partial class ContextProcessor(JsonLdRun run)
{
    private static readonly HashSet<string> s_contextKeywords = new(StringComparer.Ordinal)
    {
        "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
    };

    public JsonLdRun Run { get; } = run;

    /// <summary>
    /// Processes <paramref name="localContext"/> on top of <paramref name="activeContext"/>. Never changes
    /// <paramref name="activeContext"/>; the result is shared (<see cref="ActiveContext.IsShared"/>) and may come
    /// from the <see cref="ProcessedContextCache"/>. Set <paramref name="localContextIsShared"/> only for a node that
    /// never changes (a loaded context document's, or a term definition's scoped context), so it is keyed by identity.
    /// </summary>
    public ActiveContext Process(ActiveContext activeContext, JsonNode? localContext, string? baseUrl,
        List<string>? remoteContexts = null, bool overrideProtected = false, bool propagate = true,
        bool validateScopedContext = true, bool localContextIsShared = false)
    {
        remoteContexts ??= [];
        var flags = (overrideProtected ? 1 : 0) | (propagate ? 2 : 0) | (validateScopedContext ? 4 : 0)
            | (Run.Options.IsJsonLd10 ? 8 : 0);
        var key = ProcessedContextCache.KeyOf(activeContext, localContext, localContextIsShared, baseUrl, remoteContexts,
            flags, Run.Loader);
        if (key is { } hitKey && ProcessedContextCache.TryGet(hitKey, out var entry) && TryReplay(entry))
        {
            return entry.Result;
        }
        var recorder = key is null ? null : BeginRecording();
        EnterContext();
        try
        {
            var result = ProcessArray(activeContext, localContext, baseUrl, remoteContexts, overrideProtected, propagate,
                validateScopedContext);
            result.Share();
            if (key is { } missKey)
            {
                ProcessedContextCache.Add(missKey, recorder!.ToEntry(result));
            }
            return result;
        }
        finally
        {
            Run.LeaveContext();
            if (recorder is not null)
            {
                EndRecording(recorder);
            }
        }
    }

    // Works on a copy of the active context, made only when something is to change: a context that only
    // references remote contexts then yields their shared, cached results without copying any terms.
    private ActiveContext ProcessArray(ActiveContext activeContext, JsonNode? localContext, string? baseUrl,
        List<string> remoteContexts, bool overrideProtected, bool propagate, bool validateScopedContext)
    {
        var result = activeContext;
        var owned = false;
        if (localContext is JsonObject first && first.TryGetPropertyValue("@propagate", out var propagateValue))
        {
            if (!IsBool(propagateValue, out propagate))
            {
                throw JsonLdErrors.Create("invalid @propagate value", "@propagate must be true or false.");
            }
        }
        if (!propagate && result.PreviousContext is null)
        {
            result = activeContext.Clone();
            owned = true;
            result.PreviousContext = activeContext;
        }
        List<JsonNode?> contexts = localContext is JsonArray array ? [.. array] : [localContext];
        foreach (var context in contexts)
        {
            CountContextNode();
            if (context is null)
            {
                if (!overrideProtected && result.Terms.Values.Any(t => t.IsProtected))
                {
                    throw JsonLdErrors.Create("invalid context nullification", "A context with protected terms cannot be set to null.");
                }
                var previous = result;
                result = new ActiveContext { BaseIri = activeContext.OriginalBaseUrl, OriginalBaseUrl = activeContext.OriginalBaseUrl };
                owned = true;
                if (!propagate)
                {
                    result.PreviousContext = previous;
                }
                continue;
            }
            if (IsString(context, out var reference))
            {
                var processed = ProcessRemote(result, reference, baseUrl, remoteContexts, overrideProtected, validateScopedContext);
                owned &= ReferenceEquals(processed, result);
                result = processed;
                continue;
            }
            if (context is not JsonObject definition)
            {
                throw JsonLdErrors.Create("invalid local context", "A context must be an object, a string or null.");
            }
            if (!owned)
            {
                result = result.Clone();
                owned = true;
            }
            result = ProcessObject(result, definition, baseUrl, remoteContexts, overrideProtected, validateScopedContext);
        }
        // The caller's context is never handed back to be shared: it may still be under construction.
        return owned || result.IsShared ? result : result.Clone();
    }

    private ActiveContext ProcessRemote(ActiveContext result, string reference, string? baseUrl,
        List<string> remoteContexts, bool overrideProtected, bool validateScopedContext)
    {
        var url = Iris.Resolve(baseUrl, reference);
        if (!Iris.IsAbsolute(url))
        {
            throw JsonLdErrors.Create("loading document failed", $"The context reference \"{reference}\" is not an absolute IRI.");
        }
        if (!validateScopedContext && remoteContexts.Contains(url))
        {
            return result;
        }
        if (remoteContexts.Contains(url))
        {
            throw JsonLdErrors.Create("recursive context inclusion", $"The context {url} includes itself.");
        }
        var chain = new List<string>(remoteContexts) { url };
        var document = Load(url, "loading remote context failed");
        if (document.Document is not JsonObject root || !root.TryGetPropertyValue("@context", out var loaded))
        {
            throw JsonLdErrors.Create("invalid remote context", $"The document at {url} has no @context object.");
        }
        return Process(result, loaded, document.DocumentUrl, chain, overrideProtected, true, validateScopedContext,
            localContextIsShared: true);
    }

    private ActiveContext ProcessObject(ActiveContext result, JsonObject context, string? baseUrl,
        List<string> remoteContexts, bool overrideProtected, bool validateScopedContext)
    {
        System.Diagnostics.Debug.Assert(!result.IsShared, "A shared active context must never change.");
        var mode10 = Run.Options.IsJsonLd10;
        if (context.TryGetPropertyValue("@version", out var version))
        {
            if (version?.ToJsonString() != "1.1")
            {
                throw JsonLdErrors.Create("invalid @version value", "@version must be the number 1.1.");
            }
            if (mode10)
            {
                throw JsonLdErrors.Create("processing mode conflict", "@version 1.1 is not allowed in json-ld-1.0 mode.");
            }
        }
        if (context.TryGetPropertyValue("@import", out var import))
        {
            context = Import(context, import, baseUrl, mode10);
        }
        if (context.TryGetPropertyValue("@base", out var baseValue) && remoteContexts.Count == 0)
        {
            if (baseValue is null)
            {
                result.BaseIri = null;
            }
            else if (IsString(baseValue, out var b) && (Iris.IsAbsolute(b) || result.BaseIri is not null))
            {
                result.BaseIri = Iris.Resolve(result.BaseIri, b);
            }
            else
            {
                throw JsonLdErrors.Create("invalid base IRI", "@base must be an IRI or null.");
            }
        }
        if (context.TryGetPropertyValue("@vocab", out var vocab))
        {
            if (vocab is null)
            {
                result.VocabularyMapping = null;
            }
            else if (IsString(vocab, out var v) && (Iris.IsAbsolute(v) || Iris.IsBlankNode(v) || !v.Contains(':', StringComparison.Ordinal)))
            {
                result.VocabularyMapping = IriExpansion.Expand(this, result, v, documentRelative: true, vocab: true);
            }
            else
            {
                throw JsonLdErrors.Create("invalid vocab mapping", "@vocab must be an IRI, a blank node identifier or null.");
            }
        }
        if (context.TryGetPropertyValue("@language", out var language))
        {
            result.DefaultLanguage = language is null ? null
                : AsString(language) ?? throw JsonLdErrors.Create("invalid default language", "@language must be a string or null.");
        }
        if (context.TryGetPropertyValue("@direction", out var direction))
        {
            if (mode10)
            {
                throw JsonLdErrors.Create("invalid context entry", "@direction is not allowed in json-ld-1.0 mode.");
            }
            result.DefaultBaseDirection = direction is null ? null
                : AsString(direction) is "ltr" or "rtl" ? AsString(direction)
                : throw JsonLdErrors.Create("invalid base direction", "@direction must be \"ltr\", \"rtl\" or null.");
        }
        if (context.TryGetPropertyValue("@propagate", out var propagate))
        {
            if (mode10)
            {
                throw JsonLdErrors.Create("invalid context entry", "@propagate is not allowed in json-ld-1.0 mode.");
            }
            if (!IsBool(propagate, out _))
            {
                throw JsonLdErrors.Create("invalid @propagate value", "@propagate must be true or false.");
            }
        }
        var isProtected = context.TryGetPropertyValue("@protected", out var protectedValue) && IsBool(protectedValue, out var p) && p;
        if (protectedValue is not null && !IsBool(protectedValue, out _))
        {
            throw JsonLdErrors.Create("invalid @protected value", "@protected must be true or false.");
        }
        var scope = new TermScope(context, new Dictionary<string, bool>(StringComparer.Ordinal), baseUrl, isProtected,
            overrideProtected, remoteContexts);
        foreach (var (key, _) in context)
        {
            if (!s_contextKeywords.Contains(key))
            {
                CreateTermDefinition(result, key, scope);
            }
        }
        return result;
    }
}

/// <summary>The arguments of Create Term Definition that stay the same for one local context.</summary>
internal sealed record TermScope(JsonObject LocalContext, Dictionary<string, bool> Defined, string? BaseUrl,
    bool IsProtected, bool OverrideProtected, List<string> RemoteContexts);
