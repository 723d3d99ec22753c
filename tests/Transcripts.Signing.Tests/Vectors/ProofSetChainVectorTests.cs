using Transcripts.Signing.Proofs;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>
/// vc-di-eddsa's proof-set-chain vectors. They are signed with eddsa-rdfc-2022, which the JSON-LD pipeline adds as a
/// Cryptosuite; until it is registered each proof must fail only because of its cryptosuite (the set and chain
/// plumbing — previousProof resolution, proof order — must not be the reason), and once it is registered every proof must verify.
/// </summary>
public sealed class ProofSetChainVectorTests
{
    private const string Folder = "vectors/vc-di-eddsa/TestVectors/proof-set-chain";

    public static TheoryData<string> SignedFiles()
    {
        var data = new TheoryData<string>();
        var dir = SpecData.PathForDiscovery(Folder);
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.GetFiles(dir, "signedProof*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add(file!);
            }
        }
        if (data.Count == 0)
        {
            data.Add(SuiteVector.Absent);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(SignedFiles))]
    public void Each_proof_verifies_or_fails_only_for_an_unregistered_cryptosuite(string file)
    {
        var document = JsonInput.ParseObject(File.ReadAllBytes(SpecData.Path($"{Folder}/{file}")));

        var result = DataIntegrityProof.Verify(document);

        Assert.NotEmpty(result.Proofs);
        foreach (var proof in result.Proofs)
        {
            var registered = CryptosuiteRegistry.Find("DataIntegrityProof", proof.Cryptosuite) is not null;
            if (registered)
            {
                Assert.True(proof.IsVerified, proof.Reason);
            }
            else
            {
                Assert.Contains($"'{proof.Cryptosuite}', which this verifier does not support", proof.Reason, StringComparison.Ordinal);
            }
        }
    }
}
