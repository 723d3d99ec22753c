using System.Text.Json.Nodes;
using Transcripts.Signing.Contexts;
using Transcripts.Signing.Keys;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>
/// One signing run of an RDF cryptosuite from the W3C vectors (eddsa-rdfc-2022, Ed25519Signature2020, ecdsa-rdfc-2019
/// P-256/P-384, each with its "employ" sub-run), with the document loader the run needs: the pinned contexts plus the
/// citizenship context the employment vectors use, taken from the spec's reference copies (test data only).
/// </summary>
internal sealed class RdfcVector
{
    private static readonly string[] s_roots = ["vectors/vc-di-eddsa/TestVectors", "vectors/vc-di-ecdsa/TestVectors"];
    private static readonly Lazy<ContextStore> s_loader = new(() => new ContextStore(
    [
        new("https://w3id.org/citizenship/v4rc1", File.ReadAllBytes(SpecData.Path("contexts/w3id-citizenship-v4rc1.jsonld"))),
    ]));

    private RdfcVector(string id, string folder, string suffix, string root)
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
                if (sub!.Contains("-rdfc-", StringComparison.Ordinal) || sub == "Ed25519Signature2020")
                {
                    data.Add(sub);
                    if (Directory.Exists(Path.Combine(dir, sub, "employ")))
                    {
                        data.Add(sub + "/employ");
                    }
                }
            }
        }
        if (data.Count == 0)
        {
            data.Add(SuiteVector.Absent);
        }
        return data;
    }

    public static RdfcVector Load(string id)
    {
        SpecData.Require();
        foreach (var root in s_roots)
        {
            var folder = SpecData.Path(Path.Combine(root, id));
            if (Directory.Exists(folder))
            {
                var canon = Directory.GetFiles(folder, "canonDoc*.txt").Single();
                var suffix = Path.GetFileNameWithoutExtension(canon)["canonDoc".Length..];
                return new RdfcVector(id, folder, suffix, SpecData.Path(root));
            }
        }
        throw new InvalidOperationException($"No vector folder {id}.");
    }

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
}
