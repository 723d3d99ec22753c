using Transcripts.Signing.Canonical.Rdf;
using Transcripts.Signing.Canonical.Rdfc10;

namespace Transcripts.Signing.Tests.Rdfc10;

/// <summary>Behaviour of RDFC-1.0 that the W3C suite does not pin down: sets, code point order, limits.</summary>
public sealed class Rdfc10Tests
{
    [Fact]
    public void Canonicalize_merges_duplicate_quads_because_a_dataset_is_a_set()
    {
        var quads = NQuadsParser.Parse("_:a <urn:ex:p> \"x\" .\n_:a <urn:ex:p> \"x\" .\n");

        Assert.Equal("_:c14n0 <urn:ex:p> \"x\" .\n", Canonical.Rdfc10.Rdfc10.Canonicalize(quads).CanonicalNQuads);
    }

    [Fact]
    public void Canonicalize_sorts_lines_by_code_point_not_utf16_unit()
    {
        // U+1F303 (a surrogate pair in UTF-16) sorts after U+FF61 by code point, before it by UTF-16 unit.
        var quads = NQuadsParser.Parse("<urn:ex:s> <urn:ex:p> \"\U0001F303\" .\n<urn:ex:s> <urn:ex:p> \"\uFF61\" .\n");

        Assert.Equal(
            "<urn:ex:s> <urn:ex:p> \"\uFF61\" .\n<urn:ex:s> <urn:ex:p> \"\U0001F303\" .\n",
            Canonical.Rdfc10.Rdfc10.Canonicalize(quads).CanonicalNQuads);
    }

    [Fact]
    public void CanonicalizeToUtf8_is_the_utf8_of_the_canonical_text_even_with_an_unpaired_surrogate()
    {
        // An unpaired surrogate cannot be parsed from N-Quads text, but JSON-LD can produce it from a \uD800 escape.
        var quads = new List<Quad>
        {
            new(new BlankNode("x"), new Iri("urn:ex:p"), new Literal("a\uD800b", Literal.XsdString), null),
            new(new BlankNode("x"), new Iri("urn:ex:p"), new Literal("\U0001F303", Literal.XsdString), new BlankNode("g")),
            new(new Iri("urn:ex:s"), new Iri("urn:ex:p"), new BlankNode("x"), null),
        };

        var text = Canonical.Rdfc10.Rdfc10.Canonicalize(quads).CanonicalNQuads;

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), Canonical.Rdfc10.Rdfc10.CanonicalizeToUtf8(quads));
        Assert.Contains("a\uFFFDb", System.Text.Encoding.UTF8.GetString(Canonical.Rdfc10.Rdfc10.CanonicalizeToUtf8(quads)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(40_000)]
    public void HashCanonical_is_the_hash_of_the_canonical_bytes_whatever_the_line_lengths(int literalLength)
    {
        // Lines longer than the hashing buffer, and many short lines that fill it several times.
        var quads = Enumerable.Range(0, literalLength > 1_000 ? 5 : 500)
            .Select(i => new Quad(new BlankNode("n" + i), new Iri("urn:ex:p"), new Literal(new string('é', literalLength) + i, Literal.XsdString), null))
            .ToList();

        var bytes = Canonical.Rdfc10.Rdfc10.CanonicalizeToUtf8(quads);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes),
            Canonical.Rdfc10.Rdfc10.HashCanonical(quads, Rdfc10Options.Default, System.Security.Cryptography.HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Canonicalize_fails_when_the_work_limit_is_reached()
    {
        // Two indistinguishable blank nodes pointing at each other need Hash N-Degree Quads.
        var quads = NQuadsParser.Parse("_:a <urn:ex:p> _:b .\n_:b <urn:ex:p> _:a .\n");
        var options = new Rdfc10Options { Limits = new Limits { MaxHashNDegreeQuadsCalls = 1 } };

        var error = Assert.Throws<SigningException>(() => Canonical.Rdfc10.Rdfc10.Canonicalize(quads, options));

        Assert.Equal(SigningError.CanonicalizationLimit, error.Error);
    }

    [Fact]
    public void Canonicalize_fails_when_quads_exceed_the_limit()
    {
        var quads = NQuadsParser.Parse("<urn:ex:s> <urn:ex:p> \"1\" .\n<urn:ex:s> <urn:ex:p> \"2\" .\n");

        var error = Assert.Throws<SigningException>(() =>
            Canonical.Rdfc10.Rdfc10.Canonicalize(quads, new Rdfc10Options { Limits = new Limits { MaxNodes = 1 } }));

        Assert.Equal(SigningError.DocumentTooComplex, error.Error);
    }
}
