using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Tests.Vectors;

namespace Transcripts.Signing.Tests.Tampering;

/// <summary>Every leaf of every signed W3C vector (JCS and RDF suites), changed one at a time, must make verification fail.</summary>
public sealed class TamperTests
{
    public static TheoryData<string, string> Leaves()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in ((IEnumerable<object[]>)SuiteVector.JcsIds()).Concat(SuiteVector.RdfcIds()).Select(row => (string)row[0]))
        {
            if (id == SuiteVector.Absent)
            {
                continue;
            }
            var signed = JsonNode.Parse(File.ReadAllText(SuiteVector.SignedFileForDiscovery(id)))!;
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
        var signed = SuiteVector.Load(vector).Json("signed");
        var options = new ProofVerificationOptions { DocumentLoader = SuiteVector.Loader };
        Assert.True(DataIntegrityProof.Verify(signed, options).IsVerified);

        JsonEdit.ChangeValue(signed, path);
        var result = DataIntegrityProof.Verify(signed, options);

        Assert.False(result.IsVerified, $"Changing {path} went unnoticed.");
        Assert.False(string.IsNullOrWhiteSpace(result.Proofs[0].Reason));
    }

    [SkippableTheory, MemberData(nameof(Suites))]
    public void Verify_fails_when_a_member_is_added_to_the_document(string vector)
    {
        var signed = SuiteVector.Load(vector).Json("signed");
        Assert.True(DataIntegrityProof.Verify(signed).IsVerified);
        signed["credentialSubject"]!["extra"] = "added";

        Assert.False(DataIntegrityProof.Verify(signed).IsVerified);
    }

    public static TheoryData<string> Suites() => SuiteVector.JcsIds();

}
