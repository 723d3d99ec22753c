using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.JsonLd;

/// <summary>
/// Real credentials: every RDF signing vector under ../shared/spec/vectors that has a canonical N-Quads file for its
/// document (W3C vc-di-eddsa and vc-di-ecdsa, 1EdTech OB 3.0 and CLR 2.0) is deserialized to RDF with the pinned
/// contexts, in safe mode, and must be isomorphic to that file. Safe mode must not reject a real credential.
/// </summary>
public sealed class JsonLdCredentialVectorTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        var root = SpecData.PathForDiscovery("vectors");
        if (Directory.Exists(root))
        {
            foreach (var canon in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
                         .Where(f => Path.GetFileName(f) is var n && (n == "document-canon.txt" || n.StartsWith("canonDoc", StringComparison.Ordinal)))
                         .Where(IsNQuads)
                         .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, canon).Replace('\\', '/'));
            }
        }
        if (data.Count == 0)
        {
            data.Add("(spec data absent)");
        }
        return data;
    }

    // The JCS suites' canonDoc files are canonical JSON, not N-Quads.
    private static bool IsNQuads(string file) => File.ReadAllText(file).TrimStart() is var text && text.Length > 0 && text[0] is '<' or '_';

    [SkippableTheory, MemberData(nameof(Vectors))]
    public void ToRdf_in_safe_mode_is_isomorphic_to_the_vectors_canonical_document(string canonPath)
    {
        var canon = SpecData.Path("vectors/" + canonPath);
        var folder = Path.GetDirectoryName(canon)!;
        var unsigned = Path.Combine(folder, "unsigned.json");
        var document = File.Exists(unsigned)
            ? JsonInput.ParseObject(File.ReadAllBytes(unsigned))
            : JsonInput.ParseObject(File.ReadAllBytes(Directory.EnumerateFiles(folder, "signed*.json").Single()));
        document.Remove("proof");

        var quads = JsonLdProcessor.ToRdf(document, new JsonLdOptions { Safe = true }, new PinnedContextTestLoader(), Limits.Default);

        var expected = TestNQuads.Parse(File.ReadAllText(canon));
        Assert.True(TestNQuads.AreIsomorphic(expected, quads),
            $"Expected:\n{Canonical.Rdf.NQuads.Serialize(expected)}\nActual:\n{Canonical.Rdf.NQuads.Serialize(quads)}");
    }
}
