// Resolves a proof's verificationMethod to a public key and checks the proof purpose is authorised
// (VC Data Integrity 1.0 §4.4 step "retrieve verification method"; Controlled Identifiers 1.0 §3.3).
// did:key resolves offline (every purpose is authorised); other methods come from the caller's keys or DID documents,
// where a method marked "revoked" or "expires" resolves to no key for a proof created at or after that time. Comparing with
// the proof's creation rather than the verifier's clock is what lets a school rotate keys and keep every earlier credential
// verifiable; a proof without "created" is judged at Now. (A thief of a key can backdate "created": the school revokes the
// affected credentials through their status lists too — see SECURITY.md.)
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;

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
        var at = signedAt ?? options.Now;
        if (Date(method["revoked"]) is { } revoked && (at is null || revoked <= at))
        {
            reason = $"The key {verificationMethod} was revoked by its controller on {revoked:yyyy-MM-dd}, before this signature was made.";
            return null;
        }
        if (Date(method["expires"]) is { } expires && at is { } when && expires <= when)
        {
            reason = $"The key {verificationMethod} was retired on {expires:yyyy-MM-dd}, before this signature was made.";
            return null;
        }
        var multibase = method["publicKeyMultibase"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (multibase is null)
        {
            reason = $"The key {verificationMethod} in the DID document has no publicKeyMultibase.";
            return null;
        }
        try
        {
            reason = "";
            return Multikey.Decode(multibase);
        }
        catch (SigningException e)
        {
            reason = $"The key {verificationMethod} in the DID document could not be read: {e.Message}";
            return null;
        }
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

    // Controlled Identifiers 1.0 §2.2.3: a verification method may carry "revoked" and "expires" (XML Schema dateTime).
    private static DateTimeOffset? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                                   System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static JsonNode?[] Items(JsonNode? node) => node switch
    {
        JsonArray array => [.. array],
        null => [],
        _ => [node],
    };
}
