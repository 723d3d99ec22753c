using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Tests.Vectors;

namespace Transcripts.Signing.Tests.Tampering;

/// <summary>Every leaf of every signed JCS vector, changed one at a time, must make verification fail.</summary>
public sealed class TamperTests
{
    public static TheoryData<string, string> Leaves()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in SuiteVector.Ids())
        {
            var id = row;
            if (id == SuiteVector.Absent)
            {
                continue;
            }
            var folder = FindFolder(id);
            var signed = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(folder, "signed*.json").Single()))!;
            foreach (var path in LeafPaths(signed, ""))
            {
                data.Add(id, path);
            }
        }
        if (data.Count == 0)
        {
            data.Add(SuiteVector.Absent, "");
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(Leaves))]
    public void Verify_fails_when_a_signed_leaf_is_changed(string vector, string path)
    {
        var v = SuiteVector.Load(vector);
        var signed = v.Json("signed");
        Assert.True(DataIntegrityProof.Verify(signed).IsVerified);

        Change(signed, path);
        var result = DataIntegrityProof.Verify(signed);

        Assert.False(result.IsVerified, $"Changing {path} went unnoticed.");
        Assert.False(string.IsNullOrWhiteSpace(result.Proofs[0].Reason));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Verify_fails_when_a_member_is_added_to_the_document(string vector)
    {
        var signed = SuiteVector.Load(vector).Json("signed");
        signed["credentialSubject"]!["extra"] = "added";

        Assert.False(DataIntegrityProof.Verify(signed).IsVerified);
    }

    public static TheoryData<string> Suites() => SuiteVector.Ids();

    private static string FindFolder(string id) =>
        new[] { "vectors/vc-di-eddsa/TestVectors", "vectors/vc-di-ecdsa/TestVectors" }
            .Select(root => Path.Combine(Transcripts.Tests.SpecData.PathForDiscovery(root), id))
            .First(Directory.Exists);

    private static IEnumerable<string> LeafPaths(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => LeafPaths(p.Value, path.Length == 0 ? p.Key : path + "." + p.Key)),
        JsonArray array => array.SelectMany((item, i) => LeafPaths(item, $"{path}[{i}]")),
        _ => [path],
    };

    private static void Change(JsonNode root, string path)
    {
        var (parent, key, index) = Locate(root, path);
        var old = key is null ? parent[index] : parent[key];
        JsonNode replacement = old!.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(old.GetValue<string>() + "x"),
            JsonValueKind.Number => JsonValue.Create(old.GetValue<double>() + 1),
            JsonValueKind.True => JsonValue.Create(false),
            JsonValueKind.False => JsonValue.Create(true),
            _ => JsonValue.Create(0),
        };
        if (key is null)
        {
            parent[index] = replacement;
        }
        else
        {
            parent[key] = replacement;
        }
    }

    private static (JsonNode Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            if (bracket >= 0)
            {
                foreach (var idx in part[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                {
                    steps.Add(int.Parse(idx.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        var node = root;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            node = steps[i] is string s ? node[s]! : node[(int)steps[i]]!;
        }
        return steps[^1] is string last ? (node, last, -1) : (node, null, (int)steps[^1]);
    }
}
