using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Entry points of the JSON-LD 1.1 processor (JSON-LD 1.1 Processing Algorithms and API, W3C Recommendation
/// 16 July 2020): <see cref="Expand"/> (§9.2 expand()) and <see cref="ToRdf(JsonNode, JsonLdOptions, IDocumentLoader, Limits)"/> (§9.2 toRdf()). No I/O:
/// remote contexts come only from the given <see cref="IDocumentLoader"/>. Deviations: no frame expansion,
/// no compaction or flattening, no warnings; the work is bounded by <see cref="Limits"/>.
/// </summary>
internal static class JsonLdProcessor
{
    /// <summary>Expands <paramref name="input"/> into the expanded form, an array of node objects.</summary>
    /// <exception cref="SigningException">The document is not valid JSON-LD (<see cref="SigningError.JsonLdError"/>,
    /// with the JSON-LD error code), exceeds a limit, a context cannot be loaded, or safe mode found a dropped term.</exception>
    public static JsonArray Expand(JsonNode input, JsonLdOptions options, IDocumentLoader loader, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(limits);
        return ExpandDocument(new JsonLdRun(options, loader, limits), input);
    }

    /// <summary>Expands <paramref name="input"/> and deserializes it to an RDF dataset (§6.2, reading the expanded document directly rather than through a node map; see RdfEmitter).</summary>
    /// <exception cref="SigningException">As for <see cref="Expand"/>, or the dataset has more than <see cref="Limits.MaxNodes"/> quads.</exception>
    /// <returns>The dataset, each quad once.</returns>
    public static List<Quad> ToRdf(JsonNode input, JsonLdOptions options, IDocumentLoader loader, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(limits);
        var run = new JsonLdRun(options, loader, limits);
        return new RdfEmitter(run).Emit(ExpandDocument(run, input));
    }

    /// <summary>As <see cref="ToRdf(JsonNode, JsonLdOptions, IDocumentLoader, Limits)"/>, of the unsecured view of a secured document.</summary>
    public static List<Quad> ToRdf(UnsecuredDocument input, JsonLdOptions options, IDocumentLoader loader, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(limits);
        var run = new JsonLdRun(options, loader, limits) { Root = input };
        return new RdfEmitter(run).Emit(ExpandDocument(run, input.Secured));
    }

    private static JsonArray ExpandDocument(JsonLdRun run, JsonNode input)
    {
        var contexts = new ContextProcessor(run);
        var active = run.Options.Base is null ? ActiveContext.InitialWithoutBase : ActiveContext.Initial(run.Options.Base);
        if (run.Options.ExpandContext is { } expandContext)
        {
            var local = expandContext is JsonObject wrapper && wrapper.TryGetPropertyValue("@context", out var inner)
                ? inner
                : expandContext;
            active = contexts.Process(active, local, run.Options.Base);
        }
        var expanded = new Expander(contexts).Expand(active, null, input, run.Options.Base);
        if (expanded is JsonObject only && only.Count == 1 && only.TryGetPropertyValue("@graph", out var graph))
        {
            expanded = graph;
            only.Remove("@graph");
        }
        return expanded switch
        {
            null => [],
            JsonArray array => array,
            _ => [expanded],
        };
    }
}
