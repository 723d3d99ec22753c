using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;

namespace Transcripts.Verifier.Tests;

/// <summary>Signatures by a party nobody trusts: a forger with a did:key of its own.</summary>
public static class Signatures
{
    private static readonly DateTimeOffset s_created = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static Ed25519KeyPair Stranger() => Ed25519KeyPair.FromSeed(SHA256.HashData("a stranger's key"u8));

    /// <summary>The credential with its proof replaced by the stranger's; with <paramref name="asIssuer"/> the stranger also names itself issuer.</summary>
    public static JsonObject ResignedByStranger(JsonObject credential, bool asIssuer)
    {
        using var key = Stranger();
        var copy = (JsonObject)credential.DeepClone();
        copy.Remove("proof");
        if (asIssuer)
        {
            copy["issuer"]!["id"] = DidKey.Create(key.PublicKey);
        }
        return Sign(copy, key);
    }

    /// <summary>The fixtures' school key (VerifierFixtureGenerator derives it from the same seed).</summary>
    public static Ed25519KeyPair School() => Ed25519KeyPair.FromSeed(SHA256.HashData("transcripts verifier fixtures: riverside key-2026"u8));

    /// <summary>The school's list with nothing revoked, issued at <paramref name="validFrom"/> and signed by the school.</summary>
    public static JsonObject EmptyListSignedBySchool(DateTimeOffset validFrom, DateTimeOffset? validUntil = null)
    {
        using var key = School();
        var list = new BitstringStatusList().CreateCredential(Files.StatusListUrl, Files.Did, "revocation", validFrom, validUntil);
        return DataIntegrityProof.Sign(list, new ProofOptions { Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = Files.KeyId, Created = validFrom }, key);
    }

    /// <summary>A status list claiming to be the school's list (nothing revoked), signed by the stranger.</summary>
    public static JsonObject EmptyListSignedByStranger()
    {
        using var key = Stranger();
        var list = new BitstringStatusList().CreateCredential(Files.StatusListUrl, Files.Did, "revocation", s_created);
        return Sign(list, key);
    }

    private static JsonObject Sign(JsonObject document, KeyPair key) =>
        DataIntegrityProof.Sign(document, new ProofOptions
        {
            Cryptosuite = "eddsa-rdfc-2022", VerificationMethod = DidKey.VerificationMethodId(key.PublicKey), Created = s_created,
        }, key);
}
