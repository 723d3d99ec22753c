using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>A loader over a few in-memory documents; any other URL fails as the pinned ContextStore does.</summary>
internal sealed class InMemoryLoader(Dictionary<string, string> documents) : IDocumentLoader
{
    public int Loads { get; private set; }

    public RemoteDocument Load(string url)
    {
        Loads++;
        return documents.TryGetValue(url, out var json)
            ? new RemoteDocument(url, JsonInput.Parse(json))
            : throw new SigningException(SigningError.UnknownContext, $"The context {url} is not pinned.");
    }
}
