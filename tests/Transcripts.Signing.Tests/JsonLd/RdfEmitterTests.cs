using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// toRdf reads the expanded document without a node map. What the node map did besides collecting statements must
/// still happen: one node described in several places gives each statement once, and two different @index values for
/// one node are an error.
/// </summary>
public sealed class RdfEmitterTests
{
    private static List<Quad> ToRdf(string json) =>
        JsonLdProcessor.ToRdf(JsonInput.Parse(json), new JsonLdOptions(), new InMemoryLoader([]), Limits.Default);

    [Fact]
    public void A_node_described_twice_gives_each_statement_once()
    {
        var quads = ToRdf("""
            {"@context": {"@vocab": "http://example.org/"},
             "@graph": [
               {"@id": "http://example.org/a", "name": "A", "knows": {"@id": "http://example.org/b", "name": "B"}},
               {"@id": "http://example.org/a", "name": "A", "knows": {"@id": "http://example.org/b", "name": "B"}}
             ]}
            """);

        Assert.Equal(3, quads.Count);
        Assert.Equal(quads.Count, quads.Distinct().Count());
    }

    [Fact]
    public void Author_blank_node_labels_are_relabelled_consistently()
    {
        var quads = ToRdf("""
            {"@context": {"@vocab": "http://example.org/"},
             "@graph": [{"@id": "_:x", "next": {"@id": "_:y"}}, {"@id": "_:y", "next": {"@id": "_:x"}}]}
            """);

        Assert.Equal(2, quads.Count);
        var x = quads.Single(q => q.Object == quads[0].Subject).Subject;
        Assert.NotEqual(quads[0].Subject, x);
        Assert.DoesNotContain(quads, q => q.Subject is BlankNode { Label: "x" or "y" });
    }

    [Fact]
    public void Two_different_indexes_for_one_node_are_conflicting_indexes()
    {
        var error = Assert.Throws<SigningException>(() => ToRdf("""
            {"@context": {"@vocab": "http://example.org/", "p": {"@container": "@index"}},
             "p": {"a": {"@id": "http://example.org/n", "name": "x"}, "b": {"@id": "http://example.org/n"}}}
            """));

        Assert.Equal(SigningError.JsonLdError, error.Error);
        Assert.Contains("conflicting indexes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_index_twice_is_not_a_conflict()
    {
        var quads = ToRdf("""
            {"@context": {"@vocab": "http://example.org/", "p": {"@container": "@index"}},
             "p": {"a": [{"@id": "http://example.org/n", "name": "x"}, {"@id": "http://example.org/n"}]}}
            """);

        Assert.Equal(2, quads.Count);
    }
}
