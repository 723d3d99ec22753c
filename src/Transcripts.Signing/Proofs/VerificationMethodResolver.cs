// Resolves a proof's verificationMethod to a public key and checks the proof purpose is authorised
// (VC Data Integrity 1.0 §4.4 step "retrieve verification method"; Controlled Identifiers 1.0 §3.3).
// did:key resolves offline (every purpose is authorised); other methods come from the caller's keys or DID documents,
// where the key's state is judged by Trust/TrustRule: a retired key ("expires") counts for proofs created before it was
// retired, a revoked key never on its own "created" (a thief can backdate it; CredentialVerifier accepts it only for a
// credential on the institution's signed list, see TrustRule).
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;

namespace Transcripts.Signing.Proofs;

internal sealed class VerificationMethodResolver(ProofVerificationOptions options)
{
    public PublicKey? Resolve(string verificationMethod, string purpose, DateTimeOffset? signedAt, out string reason)
    {
        if (options.VerificationMethods?.TryGetValue(verificationMethod, out var vouched) == true)
        {
            reason = "";
            return vouched;
        }
        if (verificationMethod.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            try
            {
                reason = "";
                return DidKey.Resolve(verificationMethod);
            }
            catch (SigningException e)
            {
                reason = $"The verification method {verificationMethod} could not be read: {e.Message}";
                return null;
            }
        }
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        var did = hash < 0 ? verificationMethod : verificationMethod[..hash];
        var document = options.DidDocuments?.FirstOrDefault(d => d["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && (string?)d["id"] == did);
        if (document is null)
        {
            reason = $"The key {verificationMethod} is not known to this verifier: it is not a did:key and no DID document for {did} was supplied.";
            return null;
        }
        var method = FindMethod(document, did, verificationMethod);
        if (method is null)
        {
            reason = $"The DID document of {did} does not list the key {verificationMethod}.";
            return null;
        }
        if (!IsAuthorised(document, did, verificationMethod, purpose))
        {
            reason = $"The DID document of {did} does not authorise the key {verificationMethod} for {purpose}.";
            return null;
        }
        // The key's state (retired, revoked) is judged by the one rule; without a credential digest a revoked key never counts.
        var institution = TrustedInstitution.FromDidDocument(document, purpose: purpose);
        if (institution.Find(verificationMethod) is not { } key)
        {
            reason = $"The key {verificationMethod} in the DID document of {did} has no readable publicKeyMultibase.";
            return null;
        }
        var decision = TrustRule.Judge([institution], did, verificationMethod, signedAt, credentialDigest: null);
        if (decision.Status != Verification.CheckStatus.Passed)
        {
            reason = decision.Reason;
            return null;
        }
        reason = "";
        return key.PublicKey;
    }

    private static JsonObject? FindMethod(JsonObject document, string did, string id)
    {
        foreach (var property in new[] { "verificationMethod", "assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation" })
        {
            foreach (var entry in Items(document[property]))
            {
                if (entry is JsonObject method && Matches(method["id"], did, id))
                {
                    return method;
                }
            }
        }
        return null;
    }

    private static bool IsAuthorised(JsonObject document, string did, string id, string purpose) =>
        Items(document[purpose]).Any(entry => Matches(entry is JsonObject o ? o["id"] : entry, did, id));

    private static bool Matches(JsonNode? node, string did, string id) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && (text == id || (text.StartsWith('#') && did + text == id));

    private static JsonNode?[] Items(JsonNode? node) => node switch
    {
        JsonArray array => [.. array],
        null => [],
        _ => [node],
    };
}
