using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Transcripts.Signing;
using Transcripts.Signing.Canonical;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Benchmarks;

/// <summary>The parts of an eddsa-jcs-2022 verification, to see where its time goes.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class VerificationStepBenchmarks
{
    private JsonObject _credential = null!;
    private string _verificationMethod = null!;

    [GlobalSetup]
    public void Setup()
    {
        _credential = JsonInput.ParseObject(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "achievement-credential.json")));
        using var key = Ed25519KeyPair.FromSeed(new byte[32]);
        _verificationMethod = DidKey.VerificationMethodId(key.PublicKey);
    }

    [Benchmark]
    public byte[] Jcs_canonicalize_credential() => Jcs.Canonicalize(_credential);

    [Benchmark]
    public JsonObject Copy_credential_without_proof() => ProofSet.WithoutProof(_credential);

    [Benchmark]
    public PublicKey Resolve_did_key() => DidKey.Resolve(_verificationMethod);
}
