using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Transcripts.Signing;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Benchmarks;

/// <summary>
/// eddsa-rdfc-2022 (JSON-LD → RDF → RDFC-1.0, then Ed25519) over (a) a typical Open Badges 3.0 AchievementCredential
/// and (b) a CLR 2.0 ClrCredential embedding 30 signed achievement credentials. Targets on one core: (a) ≥ 3,000 signs/s
/// and ≥ 3,000 verifies/s; (b) ≥ 100 verifies/s.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class LinkedDataBenchmarks
{
    private static readonly DateTimeOffset s_created = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private Ed25519KeyPair _key = null!;
    private ProofOptions _options = null!;
    private JsonObject _credential = null!;
    private JsonObject _signedCredential = null!;
    private JsonObject _clr = null!;
    private JsonObject _signedClr = null!;
    private byte[] _signedCredentialBytes = null!;
    private byte[] _signedClrBytes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519KeyPair.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        _options = new ProofOptions
        {
            Cryptosuite = "eddsa-rdfc-2022",
            VerificationMethod = DidKey.VerificationMethodId(_key.PublicKey),
            Created = s_created,
        };
        _credential = SampleCredentials.Achievement(DidKey.Create(_key.PublicKey), 0);
        _signedCredential = Reparse(DataIntegrityProof.Sign(_credential, _options, _key));
        _clr = SampleCredentials.Clr(DidKey.Create(_key.PublicKey),
            Enumerable.Range(0, 30).Select(i => DataIntegrityProof.Sign(SampleCredentials.Achievement(DidKey.Create(_key.PublicKey), i), _options, _key)));
        _signedClr = Reparse(DataIntegrityProof.Sign(_clr, _options, _key));
        _signedCredentialBytes = System.Text.Encoding.UTF8.GetBytes(_signedCredential.ToJsonString());
        _signedClrBytes = System.Text.Encoding.UTF8.GetBytes(_signedClr.ToJsonString());
        if (!DataIntegrityProof.Verify(_signedCredential).IsVerified || !DataIntegrityProof.Verify(_signedClr).IsVerified)
        {
            throw new InvalidOperationException("The benchmark credentials do not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public JsonObject EddsaRdfc2022_sign_achievement_credential() => DataIntegrityProof.Sign(_credential, _options, _key);

    [Benchmark]
    public bool EddsaRdfc2022_verify_achievement_credential() => DataIntegrityProof.Verify(_signedCredential).IsVerified;

    [Benchmark]
    public JsonObject EddsaRdfc2022_sign_clr_with_30_credentials() => DataIntegrityProof.Sign(_clr, _options, _key);

    [Benchmark]
    public bool EddsaRdfc2022_verify_clr_with_30_credentials() => DataIntegrityProof.Verify(_signedClr).IsVerified;

    // What a verifier receiving the file does: bounded parsing of the bytes, then verification.
    [Benchmark]
    public bool EddsaRdfc2022_parse_and_verify_achievement_credential() =>
        DataIntegrityProof.Verify(JsonInput.ParseObject(_signedCredentialBytes)).IsVerified;

    [Benchmark]
    public bool EddsaRdfc2022_parse_and_verify_clr_with_30_credentials() =>
        DataIntegrityProof.Verify(JsonInput.ParseObject(_signedClrBytes)).IsVerified;

    private static JsonObject Reparse(JsonObject document) =>
        JsonInput.ParseObject(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
}
