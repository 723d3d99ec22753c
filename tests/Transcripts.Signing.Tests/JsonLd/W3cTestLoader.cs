using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// Test-only document loader: maps the W3C suite's URLs (https://w3c.github.io/json-ld-api/tests/…) to the
/// local copy in ../shared/spec/jsonld, and refuses every other URL as the product's loader would.
/// </summary>
internal sealed class W3cTestLoader : IDocumentLoader
{
    public const string BaseIri = "https://w3c.github.io/json-ld-api/tests/";

    public static W3cTestLoader Instance { get; } = new();

    public static Limits TestLimits { get; } = new() { MaxDocumentBytes = 32 * 1024 * 1024 };

    public RemoteDocument Load(string url)
    {
        var withoutFragment = url.Split('#')[0];
        if (!withoutFragment.StartsWith(BaseIri, StringComparison.Ordinal))
        {
            throw new SigningException(SigningError.UnknownContext, $"The test loader has no document at {url}.");
        }
        var path = Path.GetFullPath(Path.Combine(SpecData.PathForDiscovery("jsonld"), withoutFragment[BaseIri.Length..]));
        if (!File.Exists(path))
        {
            throw new SigningException(SigningError.UnknownContext, $"The test loader has no document at {url}.");
        }
        return new RemoteDocument(withoutFragment, JsonInput.Parse(File.ReadAllBytes(path), TestLimits));
    }
}
