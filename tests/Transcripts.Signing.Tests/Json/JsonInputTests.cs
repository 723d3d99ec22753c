using System.Text;
using Transcripts.Signing;

namespace Transcripts.Signing.Tests.Json;

public sealed class JsonInputTests
{
    [Fact]
    public void Parse_reports_DocumentTooDeep_when_nesting_exceeds_the_limit()
    {
        var json = new string('[', 65) + new string(']', 65);

        var e = Assert.Throws<SigningException>(() => JsonInput.Parse(json));

        Assert.Equal(SigningError.DocumentTooDeep, e.Error);
    }

    [Fact]
    public void Parse_accepts_nesting_at_the_limit()
    {
        var json = new string('[', 64) + new string(']', 64);

        Assert.NotNull(JsonInput.Parse(json));
    }

    [Fact]
    public void Parse_reports_DocumentTooComplex_for_too_many_values()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("0", 11)) + "]";

        var e = Assert.Throws<SigningException>(() => JsonInput.Parse(json, new Limits { MaxNodes = 10 }));

        Assert.Equal(SigningError.DocumentTooComplex, e.Error);
    }

    [Fact]
    public void Parse_reports_DocumentTooLarge_before_reading()
    {
        var e = Assert.Throws<SigningException>(() => JsonInput.Parse(new byte[101], new Limits { MaxDocumentBytes = 100 }));

        Assert.Equal(SigningError.DocumentTooLarge, e.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'a':1}")]
    [InlineData("// comment\n{}")]
    [InlineData("\u0000\u0001\u0002")]
    public void Parse_reports_InvalidJson_for_malformed_text(string text)
    {
        var e = Assert.Throws<SigningException>(() => JsonInput.Parse(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal(SigningError.InvalidJson, e.Error);
    }

    [Fact]
    public void Parse_reports_InvalidJson_for_invalid_utf8_inside_a_string()
    {
        byte[] json = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'];

        var e = Assert.Throws<SigningException>(() => JsonInput.Parse(json));

        Assert.Equal(SigningError.InvalidJson, e.Error);
    }

    [Fact]
    public void Parse_rejects_duplicate_member_names()
    {
        var e = Assert.Throws<SigningException>(() => JsonInput.Parse("{\"id\":\"a\",\"id\":\"b\"}"));

        Assert.Equal(SigningError.InvalidJson, e.Error);
    }

    [Fact]
    public void ParseObject_rejects_an_array()
    {
        var e = Assert.Throws<SigningException>(() => JsonInput.ParseObject("[]"u8));

        Assert.Equal(SigningError.InvalidDocument, e.Error);
    }

    [Fact]
    public void Parse_rejects_duplicate_member_names_in_nested_objects_and_names_them()
    {
        var e = Assert.Throws<SigningException>(() => JsonInput.Parse("{\"a\":[{\"type\":1,\"type\":2}]}"));

        Assert.Equal(SigningError.InvalidJson, e.Error);
        Assert.Contains("\"type\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_builds_the_whole_tree_with_values_as_written()
    {
        var node = JsonInput.ParseObject("""{"s":"caf\u00e9","t":true,"f":false,"n":null,"i":5,"d":5.0,"e":1E3,"a":[1,"x",[],{}],"o":{"k":"v"}}"""u8);

        Assert.Equal("""{"s":"café","t":true,"f":false,"n":null,"i":5,"d":5.0,"e":1E3,"a":[1,"x",[],{}],"o":{"k":"v"}}""",
            node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("café", (string?)node["s"]);
        Assert.Equal(["s", "t", "f", "n", "i", "d", "e", "a", "o"], node.Select(p => p.Key));
    }

    [Fact]
    public void Parse_keeps_a_string_with_an_unpaired_surrogate_escape_for_canonicalization_to_refuse()
    {
        var node = JsonInput.ParseObject("""{"name":"a\uD800b"}"""u8);

        var e = Assert.Throws<SigningException>(() => Canonical.Jcs.Canonicalize(node));
        Assert.Equal(SigningError.InvalidJson, e.Error);
    }

    [Fact]
    public void Parse_rejects_a_member_name_with_an_unpaired_surrogate_escape()
    {
        var e = Assert.Throws<SigningException>(() => JsonInput.Parse("""{"a\uDC00":1}"""u8));

        Assert.Equal(SigningError.InvalidJson, e.Error);
    }
}
