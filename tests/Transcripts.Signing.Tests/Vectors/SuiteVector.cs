using System.Text.Json.Nodes;
using Transcripts.Signing;
using Transcripts.Signing.Contexts;
using Transcripts.Signing.Keys;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>
/// One signing run of a cryptosuite from the W3C vectors: a folder such as vc-di-eddsa/TestVectors/eddsa-jcs-2022
/// (or a sub-run such as ecdsa-rdfc-2019-p256/employ) with files named canonDoc{suffix}.txt, proofConfig{suffix}.json, ….
/// The RDF runs use <see cref="Loader"/>: the pinned contexts plus the citizenship context the employment vectors
/// name, taken from the spec's reference copies (test data only).
/// </summary>
internal sealed class SuiteVector
{
    public const string Absent = "(spec data absent)";
    private static readonly string[] s_roots = ["vectors/vc-di-eddsa/TestVectors", "vectors/vc-di-ecdsa/TestVectors"];
    private static readonly Lazy<ContextStore> s_loader = new(() => new ContextStore(
    [
        new("https://w3id.org/citizenship/v4rc1", File.ReadAllBytes(SpecData.Path("contexts/w3id-citizenship-v4rc1.jsonld"))),
    ]));

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
    public bool IsP384 => Id.Contains("p384", StringComparison.Ordinal);
    public bool IsEcdsa => Id.StartsWith("ecdsa", StringComparison.Ordinal);
    public bool IsEmploy => Id.EndsWith("/employ", StringComparison.Ordinal);
    public KeyType KeyType => !IsEcdsa ? KeyType.Ed25519 : IsP384 ? KeyType.P384 : KeyType.P256;
    public static ContextStore Loader => s_loader.Value;

    /// <summary>The JCS suite runs.</summary>
    public static TheoryData<string> JcsIds() => Ids(sub => sub.Contains("-jcs-", StringComparison.Ordinal), subRuns: false);

    /// <summary>The RDF suite runs (eddsa-rdfc-2022, ecdsa-rdfc-2019, Ed25519Signature2020) with their employment sub-runs.</summary>
    public static TheoryData<string> RdfcIds() =>
        Ids(sub => sub.Contains("-rdfc-", StringComparison.Ordinal) || sub == "Ed25519Signature2020", subRuns: true);

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

    /// <summary>The signed document of a run, found at discovery time (no skipping there).</summary>
    public static string SignedFileForDiscovery(string id) =>
        s_roots.Select(root => Path.Combine(SpecData.PathForDiscovery(root), id)).Where(Directory.Exists)
            .Select(folder => Directory.GetFiles(folder, "signed*.json").Single()).First();

    public string Text(string stem) => File.ReadAllText(Path.Combine(Folder, stem + Suffix + ".txt"), System.Text.Encoding.UTF8);

    public JsonObject Json(string stem) => JsonInput.ParseObject(File.ReadAllBytes(Path.Combine(Folder, stem + Suffix + ".json")));

    public JsonObject UnsignedDocument => JsonInput.ParseObject(File.ReadAllBytes(
        Path.Combine(Root, IsEmploy ? "employmentAuth.json" : "unsigned.json")));

    public JsonObject KeyPairFile => JsonInput.ParseObject(File.ReadAllBytes(Path.Combine(Root,
        !IsEcdsa ? "keyPair.json" : IsP384 ? "p384KeyPair.json" : "p256KeyPair.json")));

    public KeyPair KeyPair()
    {
        var file = KeyPairFile;
        return Multikey.DecodeSecretKey((string)(file["secretKeyMultibase"] ?? file["privateKeyMultibase"])!);
    }

    private static TheoryData<string> Ids(Func<string, bool> include, bool subRuns)
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
                if (!include(sub!))
                {
                    continue;
                }
                data.Add(sub!);
                if (subRuns && Directory.Exists(Path.Combine(dir, sub!, "employ")))
                {
                    data.Add(sub + "/employ");
                }
            }
        }
        if (data.Count == 0)
        {
            data.Add(Absent);
        }
        return data;
    }
}
