using Transcripts.Tests;
using System.Text.Json;
using Transcripts.Signing.Canonical.Rdf;
using Transcripts.Signing.Canonical.Rdfc10;

namespace Transcripts.Signing.Tests.Rdfc10;

/// <summary>The whole W3C RDFC-1.0 test suite, one theory row per manifest entry.</summary>
public sealed class Rdfc10ManifestTests
{
    public const string EvalTest = "rdfc:RDFC10EvalTest";
    public const string MapTest = "rdfc:RDFC10MapTest";

    public static TheoryData<string> Ids() => Rdfc10Manifest.Ids();

    public static TheoryData<string> EvalIds() => Rdfc10Manifest.IdsOfType(EvalTest);

    public static TheoryData<string> PositiveIds()
    {
        var data = Rdfc10Manifest.IdsOfType(EvalTest);
        foreach (var id in Rdfc10Manifest.IdsOfType(MapTest))
        {
            data.Add(id);
        }
        return data;
    }

    [SkippableFact]
    public void Manifest_has_all_86_entries()
    {
        SpecData.Require();
        Assert.Equal(86, Rdfc10Manifest.Entries.Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Ids))]
    public void Canonicalize_matches_the_manifest(string id)
    {
        SpecData.Require();
        var entry = Rdfc10Manifest.Entries[id];
        var input = NQuadsParser.Parse(Rdfc10Manifest.ReadText(entry.Action));
        var options = new Rdfc10Options { HashAlgorithm = AlgorithmOf(entry) };

        switch (entry.Type)
        {
            case EvalTest:
                Assert.Equal(Rdfc10Manifest.ReadText(entry.Result!), Canonical.Rdfc10.Rdfc10.Canonicalize(input, options).CanonicalNQuads);
                // The cryptosuites hash the bytes written without the intermediate text; they must be the same document.
                Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Rdfc10Manifest.ReadText(entry.Result!)),
                    Canonical.Rdfc10.Rdfc10.CanonicalizeToUtf8(input, options));
                Assert.Equal(System.Security.Cryptography.SHA384.HashData(System.Text.Encoding.UTF8.GetBytes(Rdfc10Manifest.ReadText(entry.Result!))),
                    Canonical.Rdfc10.Rdfc10.HashCanonical(input, options, System.Security.Cryptography.HashAlgorithmName.SHA384));
                break;
            case MapTest:
                var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(Rdfc10Manifest.ReadText(entry.Result!))!;
                var issued = Canonical.Rdfc10.Rdfc10.Canonicalize(input, options).IssuedIdentifiers;
                Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), issued.OrderBy(p => p.Key, StringComparer.Ordinal));
                break;
            case "rdfc:RDFC10NegativeEvalTest":
                var error = Assert.Throws<SigningException>(() => Canonical.Rdfc10.Rdfc10.Canonicalize(input, options));
                Assert.Equal(SigningError.CanonicalizationLimit, error.Error);
                Assert.Contains("Hash N-Degree Quads", error.Message, StringComparison.Ordinal);
                Assert.Equal(SigningError.CanonicalizationLimit,
                    Assert.Throws<SigningException>(() => Canonical.Rdfc10.Rdfc10.CanonicalizeToUtf8(input, options)).Error);
                break;
            default:
                Assert.Fail($"Unknown test type {entry.Type}.");
                break;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(EvalIds))]
    public void Canonicalize_is_stable_when_the_input_is_canonicalized_again(string id)
    {
        SpecData.Require();
        var entry = Rdfc10Manifest.Entries[id];
        var options = new Rdfc10Options { HashAlgorithm = AlgorithmOf(entry) };
        var canonical = Rdfc10Manifest.ReadText(entry.Result!);

        var again = Canonical.Rdfc10.Rdfc10.Canonicalize(NQuadsParser.Parse(canonical), options);

        Assert.Equal(canonical, again.CanonicalNQuads);
    }

    private static Rdfc10HashAlgorithm AlgorithmOf(Rdfc10ManifestEntry entry) => entry.HashAlgorithm switch
    {
        null or "SHA256" => Rdfc10HashAlgorithm.Sha256,
        "SHA384" => Rdfc10HashAlgorithm.Sha384,
        var other => throw new InvalidOperationException($"Unknown hash algorithm {other}."),
    };

    [SkippableTheory]
    [MemberData(nameof(PositiveIds))]
    public void Default_limit_leaves_headroom_for_every_legitimate_test(string id)
    {
        SpecData.Require();
        var entry = Rdfc10Manifest.Entries[id];
        var input = NQuadsParser.Parse(Rdfc10Manifest.ReadText(entry.Action));

        var result = Canonical.Rdfc10.Rdfc10.Canonicalize(input, new Rdfc10Options { HashAlgorithm = AlgorithmOf(entry) });

        Assert.True(result.HashNDegreeQuadsCalls * 4 <= Limits.Default.MaxHashNDegreeQuadsCalls,
            $"{id} made {result.HashNDegreeQuadsCalls} Hash N-Degree Quads calls; the default limit is {Limits.Default.MaxHashNDegreeQuadsCalls}.");
    }

    [SkippableFact]
    public void Poison_clique_fails_when_the_limit_is_the_default()
    {
        SpecData.Require();
        var input = NQuadsParser.Parse(Rdfc10Manifest.ReadText(Rdfc10Manifest.Entries["test074c"].Action));

        var error = Assert.Throws<SigningException>(() => Canonical.Rdfc10.Rdfc10.Canonicalize(input));

        Assert.Equal(SigningError.CanonicalizationLimit, error.Error);
        Assert.Contains(Limits.Default.MaxHashNDegreeQuadsCalls.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
