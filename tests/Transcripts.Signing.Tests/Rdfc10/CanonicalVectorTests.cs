using Transcripts.Signing.Canonical.Rdf;
using Transcripts.Signing.Canonical.Rdfc10;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Rdfc10;

/// <summary>
/// The canonical documents published with the W3C Data Integrity and 1EdTech OB/CLR signing vectors are RDFC-1.0
/// output already, so canonicalizing them again must give back the same bytes: labels, escaping and line order.
/// </summary>
public sealed class CanonicalVectorTests
{
    private static readonly string[] s_folders = ["vectors/vc-di-eddsa", "vectors/vc-di-ecdsa", "vectors/ob-v3p0-clr-v2p0-1edtech"];

    public static TheoryData<string> CanonicalFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in s_folders)
        {
            var root = SpecData.PathForDiscovery(folder);
            if (!Directory.Exists(root))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f).Contains("anon", StringComparison.OrdinalIgnoreCase)
                    && !f.Contains("ecdsa-sd", StringComparison.Ordinal) && !f.Contains("jcs", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(SpecData.PathForDiscovery(""), file));
            }
        }
        if (data.Count == 0)
        {
            data.Add("(spec folder absent)");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CanonicalFiles))]
    public void Canonicalize_returns_a_published_canonical_document_unchanged(string file)
    {
        var text = File.ReadAllText(SpecData.Path(file));

        // ecdsa-rdfc-2019 with P-384 runs RDFC-1.0 with SHA-384 (as these vectors show: SHA-256 labels the "employ" document differently).
        var options = new Rdfc10Options
        {
            HashAlgorithm = file.Contains("p384", StringComparison.Ordinal) ? Rdfc10HashAlgorithm.Sha384 : Rdfc10HashAlgorithm.Sha256,
        };

        var result = Canonical.Rdfc10.Rdfc10.Canonicalize(NQuadsParser.Parse(text), options);

        Assert.Equal(text, result.CanonicalNQuads);
    }
}
