using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Transcripts.Signing;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Benchmarks;

/// <summary>
/// The signing core's hot paths: raw Ed25519 over 32 bytes, and eddsa-jcs-2022 over a typical Open Badges 3.0
/// AchievementCredential (Data/achievement-credential.json, about 3 KB). The target is at least 10,000
/// eddsa-jcs-2022 verifications per second on one core.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly DateTimeOffset s_created = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private readonly byte[] _message = new byte[32];
    private Ed25519KeyPair _key = null!;
    private byte[] _signature = null!;
    private JsonObject _credential = null!;
    private JsonObject _signed = null!;
    private byte[] _signedBytes = null!;
    private ProofOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519KeyPair.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        _signature = _key.Sign(_message);
        var text = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "achievement-credential.json"));
        _credential = JsonInput.ParseObject(text);
        _credential["issuer"]!["id"] = DidKey.Create(_key.PublicKey);
        _options = new ProofOptions
        {
            Cryptosuite = "eddsa-jcs-2022",
            VerificationMethod = DidKey.VerificationMethodId(_key.PublicKey),
            Created = s_created,
        };
        // A verifier reads the credential from bytes, so verify a parsed document, as the CLI and API do.
        _signedBytes = System.Text.Encoding.UTF8.GetBytes(DataIntegrityProof.Sign(_credential, _options, _key).ToJsonString());
        _signed = JsonInput.ParseObject(_signedBytes);
        if (!DataIntegrityProof.Verify(_signed).IsVerified)
        {
            throw new InvalidOperationException("The benchmark credential does not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public byte[] Ed25519_sign_32_bytes() => _key.Sign(_message);

    [Benchmark]
    public bool Ed25519_verify_32_bytes() => _key.PublicKey.Verify(_message, _signature);

    [Benchmark]
    public JsonObject EddsaJcs2022_sign_credential() => DataIntegrityProof.Sign(_credential, _options, _key);

    [Benchmark]
    public bool EddsaJcs2022_verify_credential() => DataIntegrityProof.Verify(_signed).IsVerified;

    [Benchmark]
    public bool EddsaJcs2022_parse_and_verify_credential() => DataIntegrityProof.Verify(JsonInput.ParseObject(_signedBytes)).IsVerified;
}
