using Transcripts.Signing.Canonical;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>RFC 8785 against cyberphone/json-canonicalization's testdata and the ES6 number rules.</summary>
public sealed class JcsRfc8785Tests
{
    private const string Root = "vectors/jcs-rfc8785/testdata";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var dir = SpecData.PathForDiscovery(Root + "/input");
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add(file!);
            }
        }
        if (data.Count == 0)
        {
            data.Add(SuiteVector.Absent);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(Cases))]
    public void Canonical_form_matches_expected_output_byte_for_byte(string file)
    {
        var input = File.ReadAllBytes(SpecData.Path($"{Root}/input/{file}"));
        var expected = File.ReadAllBytes(SpecData.Path($"{Root}/output/{file}"));

        Assert.Equal(expected, Jcs.Canonicalize(input));
    }

    [SkippableTheory, MemberData(nameof(Cases))]
    public void Canonical_form_matches_expected_hex(string file)
    {
        var input = File.ReadAllBytes(SpecData.Path($"{Root}/input/{file}"));
        var hex = File.ReadAllText(SpecData.Path($"{Root}/outhex/{Path.ChangeExtension(file, ".txt")}"));

        Assert.Equal(Convert.FromHexString(string.Concat(hex.Where(char.IsAsciiHexDigit))), Jcs.Canonicalize(input));
    }

    // The README's sample lines and edge cases of its generator; expected values are Node.js String(number).
    [Theory]
    [InlineData("4340000000000001", "9007199254740994")]
    [InlineData("4340000000000002", "9007199254740996")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    [InlineData("3ff0000000000000", "1")]
    [InlineData("3fb999999999999a", "0.1")]
    [InlineData("3ee4f8b588e368f1", "0.00001")]
    [InlineData("3ea5798ee2308c3a", "6.4e-7")]
    [InlineData("3e6ad7f29abcaf48", "5e-8")]
    public void Number_serializes_as_ECMAScript_would(string ieeeHex, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieeeHex, 16));

        Assert.Equal(expected, Jcs.SerializeNumber(value));
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("[1,2,1e309]")]
    public void Canonicalize_rejects_a_number_outside_the_double_range(string json)
    {
        var e = Assert.Throws<SigningException>(() => Jcs.Canonicalize(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(SigningError.UnsupportedNumber, e.Error);
        Assert.Contains("double", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"b\":1,\"a\":[true,false,null],\"\\u00e9\":\"x\",\"A\":-0.0}", "{\"A\":0,\"a\":[true,false,null],\"b\":1,\"é\":\"x\"}")]
    [InlineData("{\"\\ud83d\\ude02\":1,\"\\ufb33\":2}", "{\"😂\":1,\"\\ufb33\":2}")]
    [InlineData("\"\\u001f\\u007f/\"", "\"\\u001f\u007f/\"")]
    [InlineData("[1.0,100,1E2,0.1e1]", "[1,100,100,1]")]
    public void Canonicalize_orders_members_by_UTF16_code_units_and_escapes_minimally(string json, string expected)
    {
        // The second case: U+1F602 sorts before U+FB33 because UTF-16 compares its high surrogate D83D.
        var normalized = expected.Replace("\\ufb33", "\ufb33", StringComparison.Ordinal);

        Assert.Equal(normalized, System.Text.Encoding.UTF8.GetString(Jcs.Canonicalize(System.Text.Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Canonicalize_rejects_a_lone_surrogate()
    {
        var e = Record.Exception(() => Jcs.Canonicalize(System.Text.Encoding.UTF8.GetBytes("{\"a\":\"\\ud800\"}")));

        var signing = Assert.IsType<SigningException>(e);
        Assert.Equal(SigningError.InvalidJson, signing.Error);
    }
}
