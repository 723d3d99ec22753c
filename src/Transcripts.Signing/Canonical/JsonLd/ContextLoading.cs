using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using static Transcripts.Signing.Canonical.JsonLd.JsonLdNodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Remote contexts (API §4.1.2 step 5.2) and <c>@import</c> (step 5.6): documents come only from the
/// <see cref="IDocumentLoader"/>, are cached per loader, and count against <see cref="Limits.MaxContextLoads"/>.
/// </summary>
internal sealed partial class ContextProcessor
{
    private static readonly ConditionalWeakTable<IDocumentLoader, Dictionary<string, RemoteDocument>> s_cache = [];

    /// <summary>Dereferences a context URL through the loader, within <see cref="Limits.MaxContextLoads"/>.</summary>
    private RemoteDocument Load(string url, string errorCode)
    {
        RecordLoad(url);
        if (Run.LoadedUrls.Add(url) && Run.LoadedUrls.Count > Run.Limits.MaxContextLoads)
        {
            throw JsonLdErrors.Create("context overflow",
                $"More than {Run.Limits.MaxContextLoads} context documents would be loaded; the last was {url}.");
        }
        var cache = s_cache.GetOrCreateValue(Run.Loader);
        lock (cache)
        {
            if (cache.TryGetValue(url, out var cached))
            {
                return cached;
            }
        }
        RemoteDocument document;
        try
        {
            document = Run.Loader.Load(url);
        }
        catch (SigningException e) when (e.Error != SigningError.JsonLdError)
        {
            var failure = new SigningException(e.Error, $"JSON-LD error \"{errorCode}\": the context {url} could not be loaded. {e.Message}", e);
            failure.Data[JsonLdErrors.CodeKey] = errorCode;
            throw failure;
        }
        lock (cache)
        {
            cache[url] = document;
        }
        return document;
    }

    private JsonObject Import(JsonObject context, JsonNode? import, string? baseUrl, bool mode10)
    {
        if (mode10)
        {
            throw JsonLdErrors.Create("invalid context entry", "@import is not allowed in json-ld-1.0 mode.");
        }
        if (!IsString(import, out var reference))
        {
            throw JsonLdErrors.Create("invalid @import value", "@import must be a string.");
        }
        var url = Iris.Resolve(baseUrl, reference);
        var document = Load(url, "loading remote context failed");
        if (document.Document is not JsonObject root || root["@context"] is not JsonObject imported)
        {
            throw JsonLdErrors.Create("invalid remote context", $"The imported document {url} has no @context object.");
        }
        if (imported.ContainsKey("@import"))
        {
            throw JsonLdErrors.Create("invalid context entry", $"The imported context {url} itself has @import.");
        }
        var merged = new JsonObject();
        foreach (var (key, value) in imported)
        {
            merged[key] = Copy(value);
        }
        foreach (var (key, value) in context)
        {
            if (key != "@import")
            {
                merged[key] = Copy(value);
            }
        }
        return merged;
    }
}
