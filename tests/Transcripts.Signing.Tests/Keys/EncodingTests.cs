using Transcripts.Signing.Encoding;

namespace Transcripts.Signing.Tests.Keys;

public sealed class EncodingTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("0000ff", "115Q")]
    [InlineData("48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U")]
    public void Base58Btc_round_trips_known_values(string hex, string text)
    {
        Assert.Equal(text, Base58Btc.Encode(Convert.FromHexString(hex)));
        Assert.Equal(Convert.FromHexString(hex), Base58Btc.Decode(text));
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("abc+")]
    [InlineData("é")]
    public void Base58Btc_rejects_characters_outside_the_alphabet(string text)
    {
        var e = Assert.Throws<SigningException>(() => Base58Btc.Decode(text));

        Assert.Equal(SigningError.InvalidEncoding, e.Error);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("fb", "-w")]
    [InlineData("fbff", "-_8")]
    [InlineData("fbffbf", "-_-_")]
    public void Base64Url_round_trips_without_padding(string hex, string text)
    {
        Assert.Equal(text, Base64Url.Encode(Convert.FromHexString(hex)));
        Assert.Equal(Convert.FromHexString(hex), Base64Url.Decode(text));
    }

    [Theory]
    [InlineData("-w==")]
    [InlineData("+/8")]
    [InlineData("-_8 ")]
    [InlineData("a")]
    [InlineData("-x")]
    public void Base64Url_rejects_padding_standard_alphabet_whitespace_and_non_canonical_bits(string text)
    {
        var e = Assert.Throws<SigningException>(() => Base64Url.Decode(text));

        Assert.Equal(SigningError.InvalidEncoding, e.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("z")]
    [InlineData("mAAAA")]
    [InlineData("fdeadbeef")]
    [InlineData("z0OIl")]
    [InlineData("u-w==")]
    public void Multibase_rejects_malformed_multibase(string text)
    {
        var e = Assert.Throws<SigningException>(() => Multibase.Decode(text));

        Assert.Equal(SigningError.InvalidMultibase, e.Error);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Multibase_round_trips_both_bases()
    {
        byte[] data = [0, 1, 2, 250, 255];

        Assert.Equal(data, Multibase.Decode(Multibase.EncodeBase58Btc(data)));
        Assert.Equal(data, Multibase.Decode(Multibase.EncodeBase64Url(data)));
        Assert.StartsWith("z", Multibase.EncodeBase58Btc(data), StringComparison.Ordinal);
        Assert.StartsWith("u", Multibase.EncodeBase64Url(data), StringComparison.Ordinal);
    }
}
