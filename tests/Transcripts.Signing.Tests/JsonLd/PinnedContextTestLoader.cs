using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// Test-only loader over the pinned contexts in ../shared/spec/contexts (index.json maps URL → file);
/// any other URL fails with <see cref="SigningError.UnknownContext"/>, as the product's ContextStore does.
/// </summary>
internal sealed class PinnedContextTestLoader : IDocumentLoader
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public PinnedContextTestLoader()
    {
        var folder = SpecData.Path("contexts");
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "index.json")))!;
        foreach (var entry in index["contexts"]!.AsArray())
        {
            _files[entry!["url"]!.GetValue<string>()] = Path.Combine(folder, entry["file"]!.GetValue<string>());
        }
    }

    public RemoteDocument Load(string url) =>
        _files.TryGetValue(url, out var file)
            ? new RemoteDocument(url, JsonInput.Parse(File.ReadAllBytes(file)))
            : throw new SigningException(SigningError.UnknownContext, $"The context {url} is not pinned.");
}
