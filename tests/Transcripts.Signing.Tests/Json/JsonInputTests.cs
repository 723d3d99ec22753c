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
}
