using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Options of the JSON-LD 1.1 API (§9.2 JsonLdOptions) that this processor honours. There is no
/// document loader option: the loader is passed explicitly, and the processor never does I/O itself.
/// </summary>
internal sealed record JsonLdOptions
{
    /// <summary>The processing mode used when none is set.</summary>
    public const string JsonLd11 = "json-ld-1.1";

    /// <summary>The JSON-LD 1.0 processing mode.</summary>
    public const string JsonLd10 = "json-ld-1.0";

    /// <summary>The base IRI of the document (usually its URL), used to resolve relative IRIs.</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own, given as a context or an object with <c>@context</c>.</summary>
    public JsonNode? ExpandContext { get; init; }

    /// <summary><c>json-ld-1.1</c> (default) or <c>json-ld-1.0</c>.</summary>
    public string ProcessingMode { get; init; } = JsonLd11;

    /// <summary><see langword="null"/>, <c>i18n-datatype</c> or <c>compound-literal</c> (API §9.2 rdfDirection).</summary>
    public string? RdfDirection { get; init; }

    /// <summary>Whether toRdf keeps triples whose predicate is a blank node.</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>
    /// Safe mode for signing: a term or type that expansion would drop because it is not an absolute
    /// IRI, or an IRI that toRdf would silently skip, raises a <see cref="SigningException"/> instead.
    /// A signature over a document with silently dropped fields would not cover those fields.
    /// </summary>
    public bool Safe { get; init; }

    internal bool IsJsonLd10 => string.Equals(ProcessingMode, JsonLd10, StringComparison.Ordinal);
}
