using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Tests.Vectors;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Tampering;

/// <summary>Every leaf of every signed RDFC vector (W3C eddsa/ecdsa runs), changed one at a time, must make verification fail.</summary>
public sealed class RdfcTamperTests
{
    public static TheoryData<string, string> Leaves()
    {
        var data = new TheoryData<string, string>();
        foreach (string id in RdfcVector.Ids())
        {
            if (id == SuiteVector.Absent)
            {
                continue;
            }
            var folder = new[] { "vectors/vc-di-eddsa/TestVectors", "vectors/vc-di-ecdsa/TestVectors" }
                .Select(root => Path.Combine(SpecData.PathForDiscovery(root), id)).First(Directory.Exists);
            var signed = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(folder, "signed*.json").Single()))!;
            foreach (var path in JsonEdit.LeafPaths(signed))
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
        var signed = RdfcVector.Load(vector).Json("signed");
        var options = new ProofVerificationOptions { DocumentLoader = RdfcVector.Loader };
        Assert.True(DataIntegrityProof.Verify(signed, options).IsVerified);

        JsonEdit.ChangeValue(signed, path);
        var result = DataIntegrityProof.Verify(signed, options);

        Assert.False(result.IsVerified, $"Changing {path} went unnoticed.");
        Assert.False(string.IsNullOrWhiteSpace(result.Proofs[0].Reason));
    }
}
