using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Signing.Verification;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Fuzzing;

/// <summary>
/// Thousands of mutated signed credentials (byte-level and structural mutations of the OB 3.0, CLR 2.0 and W3C
/// eddsa-rdfc-2022 vectors) go through parsing and the whole verification pipeline. Parsing may refuse an input with a
/// <see cref="SigningException"/>; whatever it accepts must end in a report from verification, which may not throw at
/// all, and more than half of the mutants must get that far. Work is bounded by <see cref="Limits"/> (depth, size,
/// RDFC work), not by a clock: the slowest mutant's time is written to the test output, and no assertion depends on
/// the speed of a shared machine (under load the old two-second bound failed on correct code).
/// </summary>
public sealed class CredentialFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int MutantsPerSeed = 1_000;
    private static readonly string[] s_seeds =
    [
        "vectors/ob-v3p0-clr-v2p0-1edtech/obv3p0/signed.json",
        "vectors/ob-v3p0-clr-v2p0-1edtech/clrv2p0/signed.json",
        "vectors/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json",
    ];

    public static TheoryData<string> Seeds() => new(s_seeds);

    [SkippableTheory, MemberData(nameof(Seeds))]
    public void Mutated_credentials_end_in_a_report_or_a_typed_error_within_the_bound(string seed)
    {
        var original = File.ReadAllBytes(SpecData.Path(seed));
        var random = new Random(seed.Length * 7919);
        var options = new VerificationOptions { Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var failures = new List<string>();
        var reachedVerification = 0;
        var slowest = (Mutant: -1, Time: TimeSpan.Zero);

        for (var i = 0; i < MutantsPerSeed; i++)
        {
            var mutant = i % 2 == 0 ? MutateBytes(original, random) : MutateStructure(original, random);
            var clock = Stopwatch.StartNew();
            JsonObject credential;
            try
            {
                credential = JsonInput.ParseObject(mutant);
            }
            catch (SigningException)
            {
                // Malformed input refused by the bounded parser with a typed error: a correct outcome, but it never
                // reached verification, so it is not counted below.
                continue;
            }
            reachedVerification++;
            // Verification never throws for a bad credential: any exception here, SigningException included, is a bug.
            try
            {
                var report = CredentialVerifier.Verify(credential, options);
                if (report.Checks.Count == 0)
                {
                    failures.Add($"mutant {i}: a report without checks");
                }
            }
            catch (Exception e)
            {
                failures.Add($"mutant {i}: verification threw {e.GetType().Name}: {e.Message}");
            }
            if (clock.Elapsed > slowest.Time)
            {
                slowest = (i, clock.Elapsed);
            }
        }

        output.WriteLine($"{seed}: {reachedVerification} of {MutantsPerSeed} mutants reached verification; " +
            $"the slowest, mutant {slowest.Mutant}, took {slowest.Time.TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        // A fuzz test whose mutants all die in the parser tests only the parser.
        Assert.True(reachedVerification > MutantsPerSeed / 2,
            $"only {reachedVerification} of {MutantsPerSeed} mutants got past parsing to verification");
    }

    private static byte[] MutateBytes(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 64), bytes.Count - at))); break;
                default: bytes.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(s_tokens[random.Next(s_tokens.Length)])); break;
            }
        }
        return [.. bytes];
    }

    private static readonly string[] s_tokens = ["{", "}", "[", "]", "\"", ",", ":", "null", "\"@id\"", "\"@context\"", "\\u0000", "1e400", "-0"];

    private static byte[] MutateStructure(byte[] original, Random random)
    {
        var root = JsonNode.Parse(original)!.AsObject();
        var nodes = Flatten(root).ToList();
        var (parent, key) = nodes[random.Next(nodes.Count)];
        var replacement = random.Next(9) switch
        {
            0 => Nest(random.Next(10, 200)),
            1 => new JsonArray(Enumerable.Range(0, random.Next(1_000, 20_000)).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            2 => JsonValue.Create("https://attacker.example/context.jsonld"),
            3 => new JsonObject { ["@context"] = new JsonObject { ["id"] = "https://example.org/redefined", ["@protected"] = true } },
            4 => JsonValue.Create("not an iri with spaces"),
            5 => new JsonObject { ["@id"] = "_:b0", ["@type"] = "@json" },
            6 => null,
            7 => JsonValue.Create(new string('x', random.Next(1, 100_000))),
            _ => new JsonObject { ["@list"] = new JsonArray(new JsonObject { ["@list"] = new JsonArray(1, 2) }) },
        };
        if (parent is JsonObject obj)
        {
            obj[key!] = replacement;
        }
        else if (parent is JsonArray array)
        {
            array[int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture)] = replacement;
        }
        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create("leaf");
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }
        return node;
    }

    private static IEnumerable<(JsonNode Parent, string? Key)> Flatten(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (k, v) in obj.ToList())
                {
                    yield return (obj, k);
                    if (v is not null)
                    {
                        foreach (var inner in Flatten(v)) { yield return inner; }
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (array[i] is { } item)
                    {
                        foreach (var inner in Flatten(item)) { yield return inner; }
                    }
                }
                break;
        }
    }
}
