using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Keys;

/// <summary>did:key against the spec's test vectors and the legacy vectors with seeds and JWKs.</summary>
public sealed class DidKeyTests
{
    private const string Vectors = "vectors/did-key/spec-test-vectors.json";
    private const string Legacy = "vectors/did-key/legacy-test-vectors";

    public static TheoryData<string, string> SpecDids()
    {
        var data = new TheoryData<string, string>();
        var path = SpecData.PathForDiscovery(Vectors);
        if (File.Exists(path))
        {
            foreach (var section in JsonNode.Parse(File.ReadAllText(path))!["sections"]!.AsArray())
            {
                foreach (var did in section!["dids"]!.AsArray())
                {
                    data.Add((string)section["title"]!, (string)did!);
                }
            }
        }
        if (data.Count == 0)
        {
            data.Add(Vectors, "(spec data absent)");
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(SpecDids))]
    public void Spec_did_resolves_or_is_rejected_as_unsupported_multicodec(string title, string did)
    {
        SpecData.Path(Vectors);
        var supported = title is "Ed25519" or "Ed25519 with X25519" or "P-256" or "P-384";

        if (supported)
        {
            var key = DidKey.Resolve(did);
            Assert.Equal(did, DidKey.Create(key));
            Assert.Equal(did + "#" + did[DidKey.Prefix.Length..], DidKey.VerificationMethodId(key));
        }
        else
        {
            var e = Assert.Throws<SigningException>(() => DidKey.Resolve(did));
            Assert.Equal(SigningError.UnsupportedMulticodec, e.Error);
            Assert.Contains(title.StartsWith("BLS", StringComparison.Ordinal) ? "BLS12-381" : "secp256k1", e.Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Spec_DID_document_matches_ours_apart_from_the_derived_X25519_key()
    {
        var vectors = JsonNode.Parse(File.ReadAllText(SpecData.Path(Vectors)))!;
        var expected = vectors["sections"]!.AsArray().SelectMany(s => s!["didDocuments"]!.AsArray()).Single()!.AsObject();
        expected.Remove("keyAgreement");

        var document = DidKey.CreateDocument((string)expected["id"]!);

        Assert.True(JsonNode.DeepEquals(expected, document), document.ToJsonString());
    }

    [SkippableFact]
    public void Legacy_Ed25519_seeds_give_their_DIDs()
    {
        var file = JsonNode.Parse(File.ReadAllText(SpecData.Path(Legacy + "/ed25519-x25519.json")))!.AsObject();
        Assert.NotEmpty(file);

        foreach (var (did, entry) in file)
        {
            using var pair = Ed25519KeyPair.FromSeed(Convert.FromHexString((string)entry!["seed"]!));
            Assert.Equal(did, DidKey.Create(pair.PublicKey));
        }
    }

    [SkippableFact]
    public void Legacy_NIST_JWKs_give_their_DIDs_and_decompress_to_their_y()
    {
        var file = JsonNode.Parse(File.ReadAllText(SpecData.Path(Legacy + "/nist-curves.json")))!.AsObject();
        var checkedCount = 0;

        foreach (var (did, entry) in file)
        {
            if (entry!["verificationMethod"]!["publicKeyJwk"] is not { } jwk)
            {
                continue;
            }
            var crv = (string)jwk["crv"]!;
            if (crv is not ("P-256" or "P-384"))
            {
                Assert.Equal(SigningError.UnsupportedMulticodec, Assert.Throws<SigningException>(() => DidKey.Resolve(did)).Error);
                continue;
            }
            var x = Transcripts.Signing.Encoding.Base64Url.Decode((string)jwk["x"]!);
            var y = Transcripts.Signing.Encoding.Base64Url.Decode((string)jwk["y"]!);
            byte[] compressed = [(byte)((y[^1] & 1) == 0 ? 2 : 3), .. x];
            PublicKey key = crv == "P-256" ? P256PublicKey.FromBytes(compressed) : P384PublicKey.FromBytes(compressed);

            Assert.Equal(did, DidKey.Create(key));
            Assert.Equal(key, DidKey.Resolve(did));
            Assert.Equal(y, EcCurve.For(key.Type).Decompress(key.Bytes)!.Value.Y);
            checkedCount++;
        }
        Assert.True(checkedCount >= 2);
    }

    [SkippableTheory]
    [InlineData("secp256k1.json")]
    [InlineData("bls12381.json")]
    [InlineData("x25519.json")]
    [InlineData("rsa.json")]
    public void Legacy_unsupported_key_types_are_rejected_as_unsupported_multicodec(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(SpecData.Path($"{Legacy}/{file}")))!.AsObject();
        // x25519.json nests its DIDs under "didDocument".
        var dids = (root["didDocument"] as JsonObject ?? root).Select(p => p.Key).ToList();
        Assert.NotEmpty(dids);

        foreach (var did in dids)
        {
            var e = Assert.Throws<SigningException>(() => DidKey.Resolve(did));
            Assert.Equal(SigningError.UnsupportedMulticodec, e.Error);
            Assert.Contains("supported", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("did:web:example.com")]
    [InlineData("did:key:")]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkhWqdDBPojHA7cprTGTt5yHv5yUi1B8cnXn8ReLumkw6E")]
    [InlineData("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2/path")]
    public void Resolve_rejects_a_malformed_did_key(string did)
    {
        Assert.Equal(SigningError.InvalidDid, Assert.Throws<SigningException>(() => DidKey.Resolve(did)).Error);
        Assert.False(DidKey.TryResolve(did, out _));
    }

    [Fact]
    public void Resolve_accepts_the_verification_method_url()
    {
        using var pair = P256KeyPair.Generate();

        Assert.Equal(pair.PublicKey, DidKey.Resolve(DidKey.VerificationMethodId(pair.PublicKey)));
    }
}
