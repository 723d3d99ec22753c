using Transcripts.Signing.Canonical.Rdf;

namespace Transcripts.Signing.Tests.Rdfc10;

/// <summary>Canonical N-Quads escaping (RDF 1.2 N-Triples §4 as used by RDFC-1.0) and the bounded parser's errors.</summary>
public sealed class NQuadsTests
{
    private static readonly Iri s_s = new("urn:ex:s");
    private static readonly Iri s_p = new("urn:ex:p");

    [Theory]
    [InlineData("a\"b", "a\\\"b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("\n\r", "\\n\\r")]
    [InlineData("\t\b\f", "\\t\\b\\f")]
    [InlineData("\u0000\u0007\u000B\u000E\u001F\u007F", "\\u0000\\u0007\\u000B\\u000E\\u001F\\u007F")]
    [InlineData("'<>{}|^`", "'<>{}|^`")]
    [InlineData("\u00A0\u221E\U0001F303", "\u00A0\u221E\U0001F303")]
    public void Serialize_escapes_only_what_canonical_form_requires(string lexical, string escaped)
    {
        var line = NQuads.Serialize(new Quad(s_s, s_p, new Literal(lexical, Literal.XsdString), null));

        Assert.Equal($"<urn:ex:s> <urn:ex:p> \"{escaped}\" .\n", line);
    }

    [Fact]
    public void Serialize_writes_language_datatype_and_graph()
    {
        var quads = new[]
        {
            new Quad(new BlankNode("b0"), s_p, new Literal("x", Literal.RdfLangString, "en-GB"), new Iri("urn:ex:g")),
            new Quad(s_s, s_p, new Literal("1", "http://www.w3.org/2001/XMLSchema#integer"), new BlankNode("g")),
        };

        Assert.Equal(
            "_:b0 <urn:ex:p> \"x\"@en-GB <urn:ex:g> .\n<urn:ex:s> <urn:ex:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g .\n",
            NQuads.Serialize(quads));
    }

    [Fact]
    public void Parse_reads_escapes_comments_and_explicit_xsd_string()
    {
        var quads = NQuadsParser.Parse(
            "# comment\r\n<urn:ex:\\u0073> <urn:ex:p> \"a\\tb\\u0022\\U0001F303\"^^<http://www.w3.org/2001/XMLSchema#string> . # trailing\n" +
            "_:x.y <urn:ex:p> _:z <urn:ex:g>.\n\n");

        Assert.Equal(2, quads.Count);
        Assert.Equal(new Quad(s_s, s_p, new Literal("a\tb\"\U0001F303", Literal.XsdString), null), quads[0]);
        Assert.Equal(new Quad(new BlankNode("x.y"), s_p, new BlankNode("z"), new Iri("urn:ex:g")), quads[1]);
    }

    [Fact]
    public void Parse_then_serialize_round_trips_canonical_lines()
    {
        const string Line = "<urn:ex:s> <urn:ex:p> \"\\\"\\\\\\n\\r\\u0001\u221E\"@en .\n";

        Assert.Equal(Line, NQuads.Serialize(NQuadsParser.Parse(Line)));
    }

    [Theory]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o>", 1, "'.'")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n<urn:ex:s> <urn:ex:p> \"open .", 2, "closing '\"'")]
    [InlineData("\n\n<relative> <urn:ex:p> <urn:ex:o> .", 3, "not absolute")]
    [InlineData("<urn:ex:s> _:p <urn:ex:o> .", 1, "predicate")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"x\"@ .", 1, "language tag")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"\\q\" .", 1, "escape")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"\\uD800\" .", 1, "scalar value")]
    [InlineData("<urn:ex:s p> <urn:ex:p> <urn:ex:o> .", 1, "U+0020")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o> . <urn:ex:x>", 1, "comment")]
    [InlineData("<urn:ex:s> <urn:ex:p> 42 .", 1, "object")]
    [InlineData("_:-a <urn:ex:p> <urn:ex:o> .", 1, "blank node label")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"x\"^<urn:ex:d> .", 1, "'^^'")]
    public void Parse_fails_with_line_number_when_input_is_malformed(string text, int line, string problem)
    {
        var error = Assert.Throws<SigningException>(() => NQuadsParser.Parse(text));

        Assert.Equal(SigningError.InvalidNQuads, error.Error);
        Assert.StartsWith($"N-Quads line {line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_fails_when_bytes_are_not_utf8()
    {
        var error = Assert.Throws<SigningException>(() => NQuadsParser.Parse(new byte[] { 0x3C, 0xFF, 0x3E }));

        Assert.Equal(SigningError.InvalidNQuads, error.Error);
    }

    [Fact]
    public void Parse_fails_when_statements_exceed_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n", 3));

        var error = Assert.Throws<SigningException>(() => NQuadsParser.Parse(text, new Limits { MaxNodes = 2 }));

        Assert.Equal(SigningError.DocumentTooComplex, error.Error);
    }

    [Fact]
    public void Parse_fails_when_bytes_exceed_the_limit()
    {
        var error = Assert.Throws<SigningException>(() =>
            NQuadsParser.Parse("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n", new Limits { MaxDocumentBytes = 10 }));

        Assert.Equal(SigningError.DocumentTooLarge, error.Error);
    }
}
