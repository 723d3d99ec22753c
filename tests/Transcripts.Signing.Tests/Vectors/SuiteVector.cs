using System.Text.Json.Nodes;
using Transcripts.Signing;
using Transcripts.Signing.Keys;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>
/// One signing run of a JCS cryptosuite from the W3C vectors: a folder such as
/// vc-di-eddsa/TestVectors/eddsa-jcs-2022 with files named canonDoc{suffix}.txt, proofConfig{suffix}.json, ….
/// </summary>
public sealed class SuiteVector
{
    public const string Absent = "(spec data absent)";
    private static readonly string[] s_roots = ["vectors/vc-di-eddsa/TestVectors", "vectors/vc-di-ecdsa/TestVectors"];

    private SuiteVector(string id, string folder, string suffix, string root)
    {
        Id = id;
        Folder = folder;
        Suffix = suffix;
        Root = root;
    }

    public string Id { get; }
    public string Folder { get; }
    public string Suffix { get; }
    public string Root { get; }
    public bool IsP384 => Id.EndsWith("p384", StringComparison.Ordinal);
    public bool IsEddsa => Id.StartsWith("eddsa", StringComparison.Ordinal);

    /// <summary>The JCS suite folders (the rdfc ones belong to the JSON-LD pipeline).</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var root in s_roots)
        {
            var dir = SpecData.PathForDiscovery(root);
            if (!Directory.Exists(dir))
            {
                continue;
            }
            foreach (var sub in Directory.GetDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (sub!.Contains("-jcs-", StringComparison.Ordinal))
                {
                    data.Add(sub);
                }
            }
        }
        if (data.Count == 0)
        {
            data.Add(Absent);
        }
        return data;
    }

    public static SuiteVector Load(string id)
    {
        SpecData.Require();
        foreach (var root in s_roots)
        {
            var folder = SpecData.Path(Path.Combine(root, id));
            if (Directory.Exists(folder))
            {
                var canon = Directory.GetFiles(folder, "canonDoc*.txt").Single();
                var suffix = Path.GetFileNameWithoutExtension(canon)["canonDoc".Length..];
                return new SuiteVector(id, folder, suffix, SpecData.Path(root));
            }
        }
        throw new InvalidOperationException($"No vector folder {id}.");
    }

    public string Text(string stem) => File.ReadAllText(Path.Combine(Folder, stem + Suffix + ".txt"), System.Text.Encoding.UTF8);

    public JsonObject Json(string stem) => JsonInput.ParseObject(File.ReadAllBytes(Path.Combine(Folder, stem + Suffix + ".json")));

    public JsonObject UnsignedDocument => JsonInput.ParseObject(File.ReadAllBytes(Path.Combine(Root, "unsigned.json")));

    public JsonObject KeyPairFile => JsonInput.ParseObject(File.ReadAllBytes(Path.Combine(Root,
        IsEddsa ? "keyPair.json" : IsP384 ? "p384KeyPair.json" : "p256KeyPair.json")));

    public KeyPair KeyPair()
    {
        var file = KeyPairFile;
        return Multikey.DecodeSecretKey((string)(file["secretKeyMultibase"] ?? file["privateKeyMultibase"])!);
    }
}
