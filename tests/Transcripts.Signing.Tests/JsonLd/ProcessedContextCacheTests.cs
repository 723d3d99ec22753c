using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Canonical.Rdf;
using Transcripts.Signing.Contexts;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// The process-wide cache of processed contexts must never change an answer: a warm cache gives the same
/// N-Quads, a changed inline context or base IRI is not served a stale entry, and a run's limits still apply
/// to contexts that come from the cache.
/// </summary>
public sealed class ProcessedContextCacheTests
{
    private const string Credential = SampleCredentials.OpenBadge;

    private static string Canonical(JsonObject document, Limits? limits = null) =>
        LinkedDataCanonicalizer.Canonicalize(document, ContextStore.Default, limits ?? Limits.Default);

    [Fact]
    public void Canonicalize_gives_the_same_nquads_with_a_warm_cache()
    {
        var first = Canonical(Parse(Credential));
        var second = Canonical(Parse(Credential));

        Assert.Equal(first, second);
        Assert.Contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement>", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_uses_a_changed_inline_context_not_the_cached_one()
    {
        var document = new JsonObject
        {
            ["@context"] = new JsonObject { ["@vocab"] = "https://example.org/a#" },
            ["@id"] = "https://example.org/thing",
            ["colour"] = "red",
        };
        var before = Canonical(document);
        document["@context"]!["@vocab"] = "https://example.org/b#";
        var after = Canonical(document);

        Assert.Contains("<https://example.org/a#colour>", before, StringComparison.Ordinal);
        Assert.Contains("<https://example.org/b#colour>", after, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRdf_resolves_against_each_runs_own_base_iri()
    {
        var loader = new InMemoryLoader([]);
        var json = """{"@context": {"@vocab": "https://example.org/v#", "ref": {"@type": "@id"}}, "@id": "https://example.org/s", "ref": "x"}""";

        var one = JsonLdProcessor.ToRdf(JsonInput.Parse(json), new JsonLdOptions { Base = "https://one.example/" }, loader, Limits.Default);
        var two = JsonLdProcessor.ToRdf(JsonInput.Parse(json), new JsonLdOptions { Base = "https://two.example/" }, loader, Limits.Default);

        Assert.Contains("<https://one.example/x>", NQuads.Serialize(one), StringComparison.Ordinal);
        Assert.Contains("<https://two.example/x>", NQuads.Serialize(two), StringComparison.Ordinal);
    }

    public static TheoryData<string, int> Tight_limits()
    {
        var data = new TheoryData<string, int>();
        foreach (var depth in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 10, 12 })
        {
            data.Add(nameof(Limits.MaxDepth), depth);
        }
        foreach (var loads in new[] { 0, 1, 2, 3 })
        {
            data.Add(nameof(Limits.MaxContextLoads), loads);
        }
        foreach (var nodes in new[] { 1, 3, 10, 50, 100, 200 })
        {
            data.Add(nameof(Limits.MaxNodes), nodes);
        }
        return data;
    }

    // A new ContextStore is another loader, so nothing cached for ContextStore.Default applies to it: the cold
    // run is the behaviour without the cache, and the warm run must match it exactly, error message included.
    [Theory]
    [MemberData(nameof(Tight_limits))]
    public void Canonicalize_with_cached_contexts_succeeds_or_fails_exactly_as_without_them(string limit, int value)
    {
        var limits = limit switch
        {
            nameof(Limits.MaxDepth) => new Limits { MaxDepth = value },
            nameof(Limits.MaxContextLoads) => new Limits { MaxContextLoads = value },
            _ => new Limits { MaxNodes = value },
        };
        Canonical(Parse(Credential));

        var cold = Outcome(() => LinkedDataCanonicalizer.Canonicalize(Parse(Credential), new ContextStore(), limits));
        var warm = Outcome(() => LinkedDataCanonicalizer.Canonicalize(Parse(Credential), ContextStore.Default, limits));

        Assert.Equal(cold, warm);
    }

    private static JsonObject Parse(string json) => JsonInput.ParseObject(System.Text.Encoding.UTF8.GetBytes(json));

    private static string Outcome(Func<string> canonicalize)
    {
        try
        {
            return canonicalize();
        }
        catch (SigningException e)
        {
            return $"{e.Error} {JsonLdErrors.CodeOf(e)} {e.Message}";
        }
    }
}
