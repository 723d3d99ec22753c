// The transformation step of the RDF-based Data Integrity cryptosuites (vc-di-eddsa §3.2.1 / §3.4,
// vc-di-ecdsa §3.2.1): deserialize the JSON-LD document to an RDF dataset (JSON-LD 1.1 API §6.2, with
// the pinned contexts only and in safe mode, so that no member escapes the signature by being dropped
// silently), then canonicalize it with RDFC-1.0 and serialize it as canonical N-Quads.

using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Canonical.Rdfc10;

namespace Transcripts.Signing.Canonical;

/// <summary>JSON-LD → RDF → RDFC-1.0 canonical N-Quads, bounded by <see cref="Limits"/>.</summary>
internal static class LinkedDataCanonicalizer
{
    /// <summary>The canonical N-Quads of <paramref name="document"/>.</summary>
    /// <exception cref="SigningException">
    /// An unknown context (<see cref="SigningError.UnknownContext"/>), a term the contexts do not define
    /// (<see cref="SigningError.UndefinedTerm"/>), invalid JSON-LD, or a work limit.
    /// </exception>
    public static string Canonicalize(JsonObject document, IDocumentLoader loader, Limits limits,
                                      Rdfc10HashAlgorithm hashAlgorithm = Rdfc10HashAlgorithm.Sha256) =>
        Rdfc10.Rdfc10.Canonicalize(ToRdf(document, loader, limits), Options(hashAlgorithm, limits)).CanonicalNQuads;

    /// <summary>The UTF-8 bytes of the canonical N-Quads of <paramref name="document"/>: what the RDF cryptosuites hash.</summary>
    /// <exception cref="SigningException">As for <see cref="Canonicalize"/>.</exception>
    public static byte[] CanonicalizeToUtf8(JsonObject document, IDocumentLoader loader, Limits limits,
                                            Rdfc10HashAlgorithm hashAlgorithm = Rdfc10HashAlgorithm.Sha256) =>
        Rdfc10.Rdfc10.CanonicalizeToUtf8(ToRdf(document, loader, limits), Options(hashAlgorithm, limits), isSet: true);

    /// <summary>The UTF-8 canonical N-Quads of the unsecured view of a secured document, read in place.</summary>
    /// <exception cref="SigningException">As for <see cref="Canonicalize"/>.</exception>
    public static byte[] CanonicalizeToUtf8(UnsecuredDocument document, IDocumentLoader loader, Limits limits,
                                            Rdfc10HashAlgorithm hashAlgorithm = Rdfc10HashAlgorithm.Sha256)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(limits);
        var dataset = JsonLdProcessor.ToRdf(document, new JsonLdOptions { Safe = true }, loader, limits);
        return Rdfc10.Rdfc10.CanonicalizeToUtf8(dataset, Options(hashAlgorithm, limits), isSet: true);
    }

    /// <summary>The <paramref name="documentHash"/> of the UTF-8 canonical N-Quads of the unsecured view of a secured document.</summary>
    /// <exception cref="SigningException">As for <see cref="Canonicalize"/>.</exception>
    public static byte[] HashCanonical(UnsecuredDocument document, IDocumentLoader loader, Limits limits,
                                       Rdfc10HashAlgorithm hashAlgorithm, System.Security.Cryptography.HashAlgorithmName documentHash)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(limits);
        var dataset = JsonLdProcessor.ToRdf(document, new JsonLdOptions { Safe = true }, loader, limits);
        return Rdfc10.Rdfc10.HashCanonical(dataset, Options(hashAlgorithm, limits), documentHash, isSet: true);
    }

    private static List<Rdf.Quad> ToRdf(JsonObject document, IDocumentLoader loader, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(limits);
        return JsonLdProcessor.ToRdf(document, new JsonLdOptions { Safe = true }, loader, limits);
    }

    private static Rdfc10Options Options(Rdfc10HashAlgorithm hashAlgorithm, Limits limits) =>
        new() { HashAlgorithm = hashAlgorithm, Limits = limits };
}
