using System.Globalization;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Tests;

namespace Transcripts.Signing.Tests.Vectors;

/// <summary>
/// The 1EdTech implementation-guide vectors: an Open Badges 3.0 AchievementCredential and a CLR 2.0 ClrCredential
/// (with nested signed achievement credentials), signed with eddsa-rdfc-2022 under the pinned OB and CLR contexts.
/// </summary>
public sealed class OneEdTechVectorTests
{
    private const string Root = "vectors/ob-v3p0-clr-v2p0-1edtech";

    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        var dir = SpecData.PathForDiscovery(Root);
        foreach (var sub in Directory.Exists(dir) ? Directory.GetDirectories(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal) : Enumerable.Empty<string?>())
        {
            data.Add(sub!);
        }
        if (data.Count == 0)
        {
            data.Add(SuiteVector.Absent);
        }
        return data;
    }

    [SkippableTheory, MemberData(nameof(Folders))]
    public void Canonical_document_and_proof_configuration_match_the_published_canon(string folder)
    {
        var suite = CryptosuiteRegistry.Find("DataIntegrityProof", "eddsa-rdfc-2022")!;
        var unsigned = Json(folder, "unsigned.json");
        var context = new CryptosuiteContext(Limits.Default, null);

        var document = suite.CanonicalizeDocument(unsigned, null, null, context);
        var proof = suite.Canonicalize(suite.CreateProofConfiguration(Json(folder, "proofConfig.json"), unsigned["@context"]), context);

        Assert.Equal(Text(folder, "document-canon.txt"), System.Text.Encoding.UTF8.GetString(document));
        Assert.Equal(Text(folder, "proof-canon.txt"), System.Text.Encoding.UTF8.GetString(proof));
    }

    [SkippableTheory, MemberData(nameof(Folders))]
    public void Signing_the_unsigned_credential_reproduces_the_published_proofValue(string folder)
    {
        var keys = Json(folder, "keyPair.json");
        var config = Json(folder, "proofConfig.json");
        // The guide publishes libsodium's 64-byte secret key (seed ‖ public key); the seed is its first half.
        using var pair = Ed25519KeyPair.FromSeed(Convert.FromHexString((string)keys["privateKeyHex"]!).AsSpan(0, Ed25519.SeedSize));
        var options = new ProofOptions
        {
            Cryptosuite = "eddsa-rdfc-2022",
            VerificationMethod = (string)config["verificationMethod"]!,
            Created = DateTimeOffset.Parse((string)config["created"]!, CultureInfo.InvariantCulture),
        };

        var signed = DataIntegrityProof.Sign(Json(folder, "unsigned.json"), options, pair);

        Assert.Equal((string)Json(folder, "hashes-and-signature.json")["proofValue"]!, (string)signed["proof"]!["proofValue"]!);
    }

    [SkippableTheory, MemberData(nameof(Folders))]
    public void Published_signed_credential_verifies_with_the_issuer_key_and_fails_when_changed(string folder)
    {
        var keys = Json(folder, "keyPair.json");
        var options = new ProofVerificationOptions
        {
            VerificationMethods = new Dictionary<string, PublicKey>
            {
                [(string)keys["id"]!] = Multikey.Decode((string)keys["publicKeyMultibase"]!),
            },
        };
        var signed = Json(folder, "signed.json");

        Assert.True(DataIntegrityProof.Verify(signed, options).IsVerified);

        signed["issuer"]!["name"] = "Another School";
        Assert.False(DataIntegrityProof.Verify(signed, options).IsVerified);
    }

    private static JsonObject Json(string folder, string file) =>
        JsonInput.ParseObject(File.ReadAllBytes(SpecData.Path($"{Root}/{folder}/{file}")));

    private static string Text(string folder, string file) =>
        File.ReadAllText(SpecData.Path($"{Root}/{folder}/{file}"), System.Text.Encoding.UTF8);
}
