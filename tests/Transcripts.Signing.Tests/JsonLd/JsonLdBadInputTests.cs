using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>Hostile and malformed input ends in one typed <see cref="SigningException"/>, within the limits.</summary>
public sealed class JsonLdBadInputTests
{
    private static readonly JsonLdOptions s_options = new() { Base = "https://example.org/doc" };

    private static SigningException ExpandFails(string json, InMemoryLoader? loader = null, Limits? limits = null) =>
        Assert.Throws<SigningException>(() => JsonLdProcessor.Expand(
            JsonInput.Parse(json), s_options, loader ?? new InMemoryLoader([]), limits ?? Limits.Default));

    [Fact]
    public void Expand_fails_with_DocumentTooDeep_when_a_built_tree_nests_far_beyond_the_limit()
    {
        // Built from the inside out: attaching a child to a parent that already has ancestors is not O(1).
        var root = new JsonObject();
        for (var i = 0; i < 10_000; i++)
        {
            root = new JsonObject { ["http://example.org/p"] = root };
        }

        var error = Assert.Throws<SigningException>(() =>
            JsonLdProcessor.ToRdf(root, s_options, new InMemoryLoader([]), Limits.Default));

        Assert.Equal(SigningError.DocumentTooDeep, error.Error);
    }

    [Fact]
    public void Expand_fails_with_DocumentTooDeep_when_parsed_json_nests_deeper_than_the_expansion_limit()
    {
        const int depth = 2_000;
        var json = string.Concat(Enumerable.Repeat("{\"https://example.org/p\": [", depth)) + "1"
            + string.Concat(Enumerable.Repeat("]}", depth));
        var document = JsonInput.Parse(json, Limits.Default with { MaxDepth = 2 * depth + 2 });

        var error = Assert.Throws<SigningException>(() =>
            JsonLdProcessor.Expand(document, s_options, new InMemoryLoader([]), Limits.Default));

        Assert.Equal(SigningError.DocumentTooDeep, error.Error);
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRdf_fails_with_DocumentTooComplex_when_a_huge_array_exceeds_MaxNodes()
    {
        var values = new JsonArray();
        for (var i = 0; i < 50_000; i++)
        {
            values.Add(i);
        }
        var document = new JsonObject { ["@id"] = "https://example.org/s", ["https://example.org/p"] = values };

        var error = Assert.Throws<SigningException>(() => JsonLdProcessor.ToRdf(
            document, s_options, new InMemoryLoader([]), Limits.Default with { MaxNodes = 10_000 }));

        Assert.Equal(SigningError.DocumentTooComplex, error.Error);
    }

    [Fact]
    public void Expand_fails_with_UnknownContext_naming_the_url_when_the_loader_does_not_hold_it()
    {
        var error = ExpandFails("""{"@context": "https://unknown.example/ctx.jsonld", "name": "x"}""");

        Assert.Equal(SigningError.UnknownContext, error.Error);
        Assert.Contains("https://unknown.example/ctx.jsonld", error.Message, StringComparison.Ordinal);
        Assert.Equal("loading remote context failed", JsonLdErrors.CodeOf(error));
    }

    [Fact]
    public void Expand_fails_with_invalid_base_IRI_when_base_is_not_an_iri()
    {
        var error = Assert.Throws<SigningException>(() => JsonLdProcessor.Expand(
            JsonInput.Parse("""{"@context": {"@base": "relative/path"}, "@id": "x"}"""),
            new JsonLdOptions(), new InMemoryLoader([]), Limits.Default));

        Assert.Equal("invalid base IRI", JsonLdErrors.CodeOf(error));
    }

    [Theory]
    [InlineData("""{"@context": {"@vocab": 42}, "a": 1}""", "invalid vocab mapping")]
    [InlineData("""{"@context": {"p": {"@id": 42}}, "p": 1}""", "invalid IRI mapping")]
    [InlineData("""{"@context": {"p": {"@reverse": "relative"}}, "p": 1}""", "invalid IRI mapping")]
    [InlineData("""{"@id": 42}""", "invalid @id value")]
    [InlineData("""{"https://example.org/p": {"@value": "x", "@type": "not an iri"}}""", "invalid typed value")]
    public void Expand_fails_with_the_json_ld_code_for_an_invalid_iri(string json, string code)
    {
        var error = ExpandFails(json);

        Assert.Equal(SigningError.JsonLdError, error.Error);
        Assert.Equal(code, JsonLdErrors.CodeOf(error));
    }

    [Fact]
    public void Expand_fails_with_protected_term_redefinition_when_a_later_context_in_the_array_redefines_a_term()
    {
        var error = ExpandFails("""
            {"@context": [{"@protected": true, "name": "https://schema.org/name"}, {"name": "https://evil.example/name"}],
             "name": "Alice"}
            """);

        Assert.Equal("protected term redefinition", JsonLdErrors.CodeOf(error));
        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_fails_with_invalid_context_nullification_when_protected_terms_are_cleared()
    {
        var error = ExpandFails("""{"@context": [{"@protected": true, "name": "https://schema.org/name"}, null], "name": "x"}""");

        Assert.Equal("invalid context nullification", JsonLdErrors.CodeOf(error));
    }

    [Fact]
    public void Parse_fails_with_InvalidJson_for_text_that_is_not_json()
    {
        var error = Assert.Throws<SigningException>(() => JsonInput.Parse("{\"@context\": {\"a\": "));

        Assert.Equal(SigningError.InvalidJson, error.Error);
    }

    [Fact]
    public void Expand_fails_with_recursive_context_inclusion_when_two_contexts_include_each_other()
    {
        var loader = new InMemoryLoader(new()
        {
            ["https://example.org/a"] = """{"@context": ["https://example.org/b", {"x": "https://example.org/x"}]}""",
            ["https://example.org/b"] = """{"@context": "https://example.org/a"}""",
        });

        var error = ExpandFails("""{"@context": "https://example.org/a", "x": 1}""", loader);

        Assert.Equal("recursive context inclusion", JsonLdErrors.CodeOf(error));
        Assert.True(loader.Loads <= 2, $"{loader.Loads} loads");
    }

    [Fact]
    public void Expand_fails_with_context_overflow_when_a_chain_of_contexts_exceeds_MaxContextLoads()
    {
        var documents = new Dictionary<string, string>();
        for (var i = 0; i < 100; i++)
        {
            documents[$"https://example.org/c{i}"] = $$"""{"@context": "https://example.org/c{{i + 1}}"}""";
        }

        var error = ExpandFails("""{"@context": "https://example.org/c0"}""", new InMemoryLoader(documents),
            Limits.Default with { MaxContextLoads = 8 });

        Assert.Equal("context overflow", JsonLdErrors.CodeOf(error));
    }

    [Fact]
    public void Expand_loads_a_context_once_per_loader_when_it_is_used_repeatedly()
    {
        var loader = new InMemoryLoader(new() { ["https://example.org/ctx"] = """{"@context": {"name": "https://schema.org/name"}}""" });
        var document = """{"@context": "https://example.org/ctx", "https://example.org/k": [{"@context": "https://example.org/ctx", "name": "a"}]}""";

        JsonLdProcessor.Expand(JsonInput.Parse(document), s_options, loader, Limits.Default);
        JsonLdProcessor.Expand(JsonInput.Parse(document), s_options, loader, Limits.Default);

        Assert.Equal(1, loader.Loads);
    }

    [Fact]
    public void Expand_fails_with_DocumentTooDeep_when_scoped_contexts_nest_far_beyond_the_limit()
    {
        var context = new JsonObject();
        for (var i = 0; i < 10_000; i++)
        {
            context = new JsonObject { ["p"] = new JsonObject { ["@id"] = "https://example.org/p", ["@context"] = context } };
        }
        var document = new JsonObject { ["@context"] = context, ["p"] = "x" };

        var error = Assert.Throws<SigningException>(() =>
            JsonLdProcessor.Expand(document, s_options, new InMemoryLoader([]), Limits.Default));

        Assert.Equal(SigningError.DocumentTooDeep, error.Error);
    }

    [Fact]
    public void Expand_fails_with_DocumentTooDeep_when_a_chain_of_prefixes_is_longer_than_the_limit()
    {
        var context = new JsonObject();
        for (var i = 0; i < 20_000; i++)
        {
            context[$"t{i}"] = $"t{i + 1}:x";
        }
        context["t20000"] = "https://example.org/";
        var document = new JsonObject { ["@context"] = context, ["t0"] = "x" };

        var error = Assert.Throws<SigningException>(() =>
            JsonLdProcessor.Expand(document, s_options, new InMemoryLoader([]), Limits.Default));

        Assert.Equal(SigningError.DocumentTooDeep, error.Error);
    }

    [Fact]
    public void ToRdf_fails_with_DocumentTooDeep_when_a_json_literal_nests_too_deep()
    {
        JsonNode literal = new JsonArray();
        for (var i = 0; i < 10_000; i++)
        {
            literal = new JsonArray(literal);
        }
        var document = new JsonObject
        {
            ["https://example.org/data"] = new JsonObject { ["@value"] = literal, ["@type"] = "@json" },
        };

        var error = Assert.Throws<SigningException>(() =>
            JsonLdProcessor.ToRdf(document, s_options, new InMemoryLoader([]), Limits.Default));

        Assert.Equal(SigningError.DocumentTooDeep, error.Error);
    }

    [Fact]
    public void ToRdf_handles_a_property_with_many_distinct_values_within_the_limits()
    {
        var values = new JsonArray();
        for (var i = 0; i < 100_000; i++)
        {
            values.Add("v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var document = new JsonObject { ["@id"] = "https://example.org/s", ["https://example.org/p"] = values };

        var quads = JsonLdProcessor.ToRdf(document, s_options, new InMemoryLoader([]), Limits.Default);

        Assert.Equal(100_000, quads.Count);
    }
}
