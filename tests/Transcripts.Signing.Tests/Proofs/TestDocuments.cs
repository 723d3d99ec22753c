using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;

namespace Transcripts.Signing.Tests.Proofs;

/// <summary>Small credentials and keys for proof tests; spec vectors cover the published data.</summary>
internal static class TestDocuments
{
    public static readonly DateTimeOffset Created = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static JsonObject Credential(string issuer = "did:example:school") => new()
    {
        // OpenBadgeCredential and achievement are not defined by the base context, so the undefined-terms context comes last
        // (VC Data Model 2.0 §5.2 Extensibility); without it the type would map to no URL (§4.5).
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"),
        ["id"] = "urn:uuid:0b7c9f3e-1d2a-4c55-9a7e-3f1e2d4c5b6a",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["issuer"] = issuer,
        ["validFrom"] = "2026-01-15T09:30:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = "did:example:learner",
            ["achievement"] = new JsonObject { ["name"] = "Solves linear equations", ["level"] = 3, ["mastered"] = true },
        },
    };

    public static ProofOptions Options(KeyPair pair, string cryptosuite) => new()
    {
        Cryptosuite = cryptosuite,
        VerificationMethod = DidKey.VerificationMethodId(pair.PublicKey),
        Created = Created,
    };

    /// <summary>A credential issued by the did:key of <paramref name="pair"/> and signed by it.</summary>
    public static JsonObject Signed(KeyPair pair, string cryptosuite = "eddsa-jcs-2022") =>
        DataIntegrityProof.Sign(Credential(DidKey.Create(pair.PublicKey)), Options(pair, cryptosuite), pair);
}
