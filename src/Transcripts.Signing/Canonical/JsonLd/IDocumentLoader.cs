using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// Loads a remote JSON-LD document (a context) by URL (JSON-LD 1.1 API §9.4 LoadDocumentCallback).
/// The product's only implementation is the pinned <c>ContextStore</c>: it never touches the network and
/// throws <see cref="SigningException"/> with <see cref="SigningError.UnknownContext"/> for any URL it does not hold.
/// Test drivers map the W3C suites' URLs to their local files.
/// </summary>
internal interface IDocumentLoader
{
    /// <exception cref="SigningException">The URL is not one this loader holds.</exception>
    RemoteDocument Load(string url);
}

/// <summary>A loaded document: the URL it was found at (after redirects), and its parsed JSON.</summary>
/// <param name="DocumentUrl">The final URL of the document, used as the base for relative IRIs inside it.</param>
/// <param name="Document">The parsed document. Callers must not modify it; loaders may hand out a shared instance.</param>
/// <param name="ContextUrl">A context linked by an HTTP Link header, if any.</param>
internal sealed record RemoteDocument(string DocumentUrl, JsonNode Document, string? ContextUrl = null);
