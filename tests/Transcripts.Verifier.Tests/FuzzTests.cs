using System.Text;
using System.Text.Json.Nodes;
using Transcripts.Verifier.Checking;
using Transcripts.Verifier.Inputs;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Tests;

/// <summary>
/// 10,000 mutated inputs of each kind through the in-process verify path (classification, parsing, verification):
/// none may throw, and none may take more than 30 s (a hang detector, not a performance assertion: a loaded shared machine took over 2 s for one PDF mutant).
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Runs = 10_000;
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);
    private readonly TempStore _store = TempStore.Trusting();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Mutated_json_credentials_and_presentations_never_crash_or_hang()
    {
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(Files.Json("ob-jcs.json"), Files.Json("status-list-1.json")),
        };
        byte[][] seeds = [Files.Bytes("ob-achievement.json"), Files.Bytes("ob-jcs.json"), Encoding.UTF8.GetBytes(presentation.ToJsonString())];

        Run(seeds, (random, seed) => random.Next(2) == 0 ? Mutator.Bytes(random, seed) : Mutator.Json(random, seed));
    }

    [Fact]
    public void Mutated_pdf_transcripts_never_crash_or_hang()
    {
        var seed = Files.Bytes("fuzz-seed.pdf");
        var landmarks = new[] { "/EmbeddedFile", "/TranscriptsQr", "xref", "trailer", "/Names", "stream", "obj" }
            .SelectMany(m => Mutator.Positions(seed, m)).ToArray();

        // A PDF without the /EmbeddedFiles name takes the scanner-PDF path (PdfPig): compiled before the timed runs.
        var unattached = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(seed).Replace("/EmbeddedFiles", "/EmbeddedFilez", StringComparison.Ordinal));
        Run([seed], (random, s) => random.Next(3) == 0 ? Mutator.Bytes(random, s) : Mutator.Near(random, s, landmarks), warmUp: [unattached]);
    }

    [Fact]
    public void Mutated_qr_text_never_crashes_or_hangs()
    {
        byte[][] seeds = [Files.Bytes("transcript.qr.txt"), Files.Bytes("transcript-edited.qr.txt")];

        Run(seeds, (random, seed) => random.Next(4) == 0 ? Mutator.Bytes(random, seed) : Mutator.Text(random, seed));
    }

    private void Run(byte[][] seeds, Func<Random, byte[], byte[]> mutate, byte[][]? warmUp = null)
    {
        var now = VerifierRun.Now;
        var store = new TrustStore.TrustStore(_store.Folder);
        var verifier = new InputVerifier(new TrustContext(store.List(), new StatusCache(store.StatusFolder), new VerifySettings(now, now, true)));
        // Untimed: the bound below detects hangs, not the first compilation of a code path on a loaded machine.
        foreach (var input in seeds.Concat(warmUp ?? []))
        {
            verifier.Verify(CredentialFile.FromBytes("warm-up", input));
        }
        var verdicts = new Dictionary<Verdict, int>();
        for (var i = 0; i < Runs; i++)
        {
            var random = new Random(i);
            var input = mutate(random, seeds[i % seeds.Length]);
            var work = Task.Run(() =>
            {
                CredentialFile file;
                try
                {
                    file = CredentialFile.FromBytes($"fuzz {i}", input);
                }
                catch (InputException)
                {
                    return Verdict.Unreadable;
                }
                return verifier.Verify(file).Verdict;
            });
            Assert.True(work.Wait(s_bound), $"Input {i} (seed Random({i})) took more than {s_bound.TotalSeconds} s.");
            verdicts[work.Result] = verdicts.GetValueOrDefault(work.Result) + 1;
        }
        // The run reached the verification steps, not only the parsers.
        Assert.True(verdicts.GetValueOrDefault(Verdict.Invalid) + verdicts.GetValueOrDefault(Verdict.Valid) + verdicts.GetValueOrDefault(Verdict.CannotTell) > Runs / 10,
                    string.Join(", ", verdicts.Select(v => $"{v.Key}: {v.Value}")));
    }
}

/// <summary>Seeded mutations: byte flips, cuts, inserts and repeats, JSON value swaps, text edits.</summary>
internal static class Mutator
{
    private static readonly byte[] s_interesting = "{}[]\",:0-9e\\/#\0\xff "u8.ToArray();

    public static byte[] Bytes(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var n = random.Next(1, 5); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256))); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 128), bytes.Count - at))); break;
                case 4: bytes[at] = s_interesting[random.Next(s_interesting.Length)]; break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }
        return [.. bytes];
    }

    public static byte[] Near(Random random, byte[] seed, int[] landmarks)
    {
        var copy = (byte[])seed.Clone();
        var at = Math.Clamp(landmarks[random.Next(landmarks.Length)] + random.Next(-16, 48), 0, copy.Length - 1);
        copy[at] = random.Next(2) == 0 ? (byte)random.Next(256) : s_interesting[random.Next(s_interesting.Length)];
        return random.Next(8) == 0 ? copy[..at] : copy;
    }

    public static IEnumerable<int> Positions(byte[] haystack, string marker)
    {
        var needle = Encoding.ASCII.GetBytes(marker);
        for (var at = haystack.AsSpan().IndexOf(needle); at >= 0;)
        {
            yield return at;
            var next = haystack.AsSpan(at + 1).IndexOf(needle);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    public static byte[] Json(Random random, byte[] seed)
    {
        var root = JsonNode.Parse(seed)!;
        var nodes = new List<(JsonNode Parent, object Key)>();
        Collect(root, nodes);
        var (parent, key) = nodes[random.Next(nodes.Count)];
        JsonNode? replacement = random.Next(9) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next()),
            2 => JsonValue.Create("did:key:z6Mk" + random.Next()),
            3 => new JsonArray(),
            4 => new JsonObject { ["id"] = "urn:uuid:" + Guid.Empty },
            5 => JsonValue.Create(1e308),
            6 => JsonValue.Create(new string('x', random.Next(1, 5000))),
            7 => JsonValue.Create("2026-13-45T99:99:99Z"),
            _ => JsonValue.Create(true),
        };
        if (key is string name)
        {
            var obj = (JsonObject)parent;
            if (random.Next(5) == 0)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = replacement;
            }
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    public static byte[] Text(Random random, byte[] seed)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(seed).Trim());
        for (var n = random.Next(1, 4); n > 0 && text.Length > 0; n--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0: text[at] = "ABCxyz019-_#/:.%"[random.Next(16)]; break;
                case 1: text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at)); break;
                case 2: text.Insert(at, new string('A', random.Next(1, 600))); break;
                case 3: text.Insert(at, "/v/"); break;
                default: text.Insert(at, (char)random.Next(0x20, 0x3000)); break;
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    into.Add((obj, name));
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    into.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, into);
                    }
                }
                break;
        }
    }
}
