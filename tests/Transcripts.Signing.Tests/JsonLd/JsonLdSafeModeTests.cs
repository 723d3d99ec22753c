using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// Safe mode: what plain JSON-LD would drop silently (and so leave unsigned) raises a typed error
/// that names the term and where it is.
/// </summary>
public sealed class JsonLdSafeModeTests
{
    private const string Context = """{"@vocab": null, "name": "https://schema.org/name", "Person": "https://schema.org/Person", "knows": {"@id": "https://schema.org/knows", "@type": "@id"}}""";
    private static readonly JsonLdOptions s_safe = new() { Base = "https://example.org/doc", Safe = true };
    private static readonly InMemoryLoader s_loader = new([]);

    private static SigningException Fails(string json, JsonLdOptions? options = null) =>
        Assert.Throws<SigningException>(() =>
            JsonLdProcessor.ToRdf(JsonInput.Parse(json), options ?? s_safe, s_loader, Limits.Default));

    [Fact]
    public void Expand_fails_with_UndefinedTerm_naming_the_term_and_path_when_a_property_is_not_in_the_context()
    {
        var error = Fails($$"""{"@context": {{Context}}, "name": "Alice", "knows": [{"name": "Bob", "favouriteColour": "red"}]}""");

        Assert.Equal(SigningError.UndefinedTerm, error.Error);
        Assert.Contains("\"favouriteColour\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.knows[0].favouriteColour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_drops_the_undefined_property_silently_when_safe_mode_is_off()
    {
        var quads = JsonLdProcessor.ToRdf(JsonInput.Parse($$"""{"@context": {{Context}}, "name": "Alice", "favouriteColour": "red"}"""),
            s_safe with { Safe = false }, s_loader, Limits.Default);

        Assert.Single(quads);
    }

    [Fact]
    public void Expand_fails_with_InvalidIri_when_a_type_is_relative()
    {
        var error = Fails($$"""{"@context": {{Context}}, "@type": "Robot", "name": "R2"}""", s_safe with { Base = null });

        Assert.Equal(SigningError.InvalidIri, error.Error);
        Assert.Contains("Robot", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRdf_fails_with_InvalidIri_when_a_node_id_is_relative()
    {
        var error = Fails($$"""{"@context": {{Context}}, "@id": "alice", "name": "Alice"}""", s_safe with { Base = null });

        Assert.Equal(SigningError.InvalidIri, error.Error);
        Assert.Contains("alice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRdf_fails_with_InvalidIri_when_a_predicate_is_a_blank_node()
    {
        var error = Fails("""{"@context": {"@vocab": "_:"}, "@id": "https://example.org/a", "secret": "x"}""");

        Assert.Equal(SigningError.InvalidIri, error.Error);
    }

    [Fact]
    public void ToRdf_succeeds_in_safe_mode_when_every_term_is_defined()
    {
        var quads = JsonLdProcessor.ToRdf(
            JsonInput.Parse($$"""{"@context": {{Context}}, "@id": "alice", "@type": "Person", "name": "Alice", "knows": "bob"}"""),
            s_safe, s_loader, Limits.Default);

        Assert.Equal(3, quads.Count);
    }

    [Fact]
    public void Expand_fails_with_UndefinedTerm_when_the_context_maps_a_present_property_to_null()
    {
        var error = Fails("""{"@context": {"name": "https://schema.org/name", "hidden": null}, "name": "A", "hidden": "unsigned"}""");

        Assert.Equal(SigningError.UndefinedTerm, error.Error);
        Assert.Contains("$.hidden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRdf_fails_with_InvalidIri_when_a_named_graph_has_a_relative_name()
    {
        var error = Fails("""{"@id": "g", "@graph": [{"@id": "https://example.org/s", "https://example.org/p": "o"}]}""",
            s_safe with { Base = null });

        Assert.Equal(SigningError.InvalidIri, error.Error);
    }

    [Fact]
    public void ToRdf_fails_with_InvalidDocument_when_a_language_tag_is_malformed()
    {
        var error = Fails("""{"@id": "https://example.org/s", "https://example.org/p": {"@value": "x", "@language": "not a tag"}}""");

        Assert.Equal(SigningError.InvalidDocument, error.Error);
    }

    [Fact]
    public void Options_leave_safe_mode_off_by_default()
    {
        Assert.False(new JsonLdOptions().Safe);
    }
}
