using System.IO.Compression;
using System.Text.Json.Nodes;
using Transcripts.Signing.Encoding;
using Transcripts.Signing.StatusLists;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.StatusLists;

public sealed class BitstringStatusListTests
{
    private const string Folder = "vectors/bitstring-status-list";

    public static TheoryData<string> SpecExamples()
    {
        var data = new TheoryData<string>();
        var dir = SpecData.PathForDiscovery(Folder + "/spec-examples");
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (file != "index.json" && File.ReadAllText(Path.Combine(dir, file!)).Contains("\"encodedList\"", StringComparison.Ordinal))
                {
                    data.Add(file!);
                }
            }
        }
        if (data.Count == 0)
        {
            data.Add("(spec data absent)");
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(SpecExamples))]
    public void Spec_example_encodedList_decodes_to_the_documented_bits(string file)
    {
        var example = JsonNode.Parse(File.ReadAllText(SpecData.Path($"{Folder}/spec-examples/{file}")))!;
        var decoded = JsonNode.Parse(File.ReadAllText(SpecData.Path($"{Folder}/encodedList-decoded.json")))!.AsArray();
        var encodedList = (string)example["credentialSubject"]!["encodedList"]!;
        var expected = decoded.Single(d => (string)d!["encodedList"]! == encodedList)!;

        var list = BitstringStatusList.Decode(encodedList);

        Assert.Equal((int)expected["bitLength"]!, list.Length);
        var setBits = Enumerable.Range(0, list.Length).Where(list.IsSet).ToList();
        Assert.Equal(expected["setBitIndexes_MSB_first"]!.AsArray().Select(n => (int)n!).ToList(), setBits);
    }

    [Fact]
    public void Index_0_is_the_most_significant_bit_of_byte_0()
    {
        var list = new BitstringStatusList();
        list.Set(0, true);
        list.Set(9, true);

        var bits = Decompress(list.Encode());

        Assert.Equal(0x80, bits[0]);
        Assert.Equal(0x40, bits[1]);
        Assert.Equal(16_384, bits.Length);
    }

    [Fact]
    public void Encode_then_decode_round_trips_and_clearing_works()
    {
        var list = new BitstringStatusList();
        int[] indexes = [0, 1, 7, 8, 4242, 131_071];
        foreach (var i in indexes)
        {
            list.Set(i, true);
        }
        list.Set(1, false);

        var encoded = list.Encode();
        var decoded = BitstringStatusList.Decode(encoded);

        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        Assert.Equal(BitstringStatusList.MinimumBits, decoded.Length);
        Assert.Equal(indexes.Where(i => i != 1), Enumerable.Range(0, decoded.Length).Where(decoded.IsSet));
    }

    [Fact]
    public void Larger_status_size_stores_values_most_significant_bit_first()
    {
        var list = new BitstringStatusList(length: 65_536, statusSize: 2);
        list.Set(0, 2);
        list.Set(3, 3);

        var decoded = BitstringStatusList.Decode(list.Encode(), statusSize: 2);

        Assert.Equal(2, decoded.Get(0));
        Assert.Equal(0, decoded.Get(1));
        Assert.Equal(3, decoded.Get(3));
        Assert.Equal(0b1000_0000, Decompress(list.Encode())[0] & 0b1100_0000);
    }

    [Fact]
    public void Get_rejects_an_index_outside_the_list()
    {
        var list = new BitstringStatusList();

        Assert.Equal(SigningError.StatusIndexOutOfRange, Assert.Throws<SigningException>(() => list.Get(131_072)).Error);
        Assert.Equal(SigningError.StatusIndexOutOfRange, Assert.Throws<SigningException>(() => list.Get(-1)).Error);
    }

    [Fact]
    public void Decode_rejects_an_oversize_status_list_without_expanding_it_all()
    {
        // 64 MiB of zeros compresses to about 64 KB: a small GZIP bomb against a 16 MiB cap.
        var bomb = Multibase.EncodeBase64Url(Gzip(new byte[64 * 1024 * 1024]));

        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(bomb));

        Assert.Equal(SigningError.StatusListTooLarge, e.Error);
    }

    [Fact]
    public void Decode_rejects_a_list_over_a_lower_configured_limit()
    {
        var encoded = new BitstringStatusList(length: 262_144).Encode();

        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(encoded, limits: Limits.Default with { MaxStatusListBytes = 20_000 }));

        Assert.Equal(SigningError.StatusListTooLarge, e.Error);
    }

    [Fact]
    public void Decode_rejects_invalid_gzip()
    {
        var gzip = Gzip(new byte[16_384]);
        gzip[12] ^= 0xff;
        gzip[13] ^= 0xff;

        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(Multibase.EncodeBase64Url(gzip)));

        Assert.Equal(SigningError.InvalidStatusList, e.Error);
    }

    [Fact]
    public void Decode_rejects_truncated_gzip()
    {
        var gzip = Gzip(new byte[16_384]);

        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(Multibase.EncodeBase64Url(gzip.AsSpan(0, gzip.Length - 6))));

        Assert.Equal(SigningError.InvalidStatusList, e.Error);
    }

    [Fact]
    public void Decode_rejects_data_that_is_not_gzip()
    {
        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(Multibase.EncodeBase64Url(new byte[16_384])));

        Assert.Equal(SigningError.InvalidStatusList, e.Error);
        Assert.Contains("GZIP", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA")]
    [InlineData("zabc")]
    [InlineData("u****")]
    [InlineData("")]
    public void Decode_rejects_a_value_that_is_not_multibase_base64url(string encodedList)
    {
        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(encodedList));

        Assert.Equal(SigningError.InvalidStatusList, e.Error);
        Assert.False(BitstringStatusList.TryDecode(encodedList, out _));
    }

    [Fact]
    public void Decode_rejects_a_list_shorter_than_16_KB()
    {
        var e = Assert.Throws<SigningException>(() => BitstringStatusList.Decode(Multibase.EncodeBase64Url(Gzip(new byte[1000]))));

        Assert.Equal(SigningError.InvalidStatusList, e.Error);
        Assert.Contains("131,072", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCredential_builds_an_unsigned_BitstringStatusListCredential()
    {
        var list = new BitstringStatusList();
        list.Set(7, true);

        var credential = list.CreateCredential("https://school.example/status/1", "did:web:school.example", "revocation",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("https://www.w3.org/ns/credentials/v2", (string)credential["@context"]![0]!);
        Assert.Equal("BitstringStatusListCredential", (string)credential["type"]![1]!);
        Assert.Equal("2026-01-01T00:00:00Z", (string)credential["validFrom"]!);
        Assert.Equal("2026-02-01T00:00:00Z", (string)credential["validUntil"]!);
        var subject = credential["credentialSubject"]!;
        Assert.Equal("https://school.example/status/1#list", (string)subject["id"]!);
        Assert.Equal("BitstringStatusList", (string)subject["type"]!);
        Assert.Equal("revocation", (string)subject["statusPurpose"]!);
        Assert.True(BitstringStatusList.Decode((string)subject["encodedList"]!).IsSet(7));
    }

    [Fact]
    public void Constructor_refuses_a_list_below_the_minimum_size()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BitstringStatusList(length: 1000));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] Decompress(string encoded)
    {
        using var gzip = new GZipStream(new MemoryStream(Multibase.Decode(encoded)), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
