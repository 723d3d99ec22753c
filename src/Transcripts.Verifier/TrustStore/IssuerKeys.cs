using System.Globalization;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;

namespace Transcripts.Verifier.TrustStore;

/// <summary>A key found for a verification method, whether its controller is trusted, and why not when it was not found.</summary>
internal sealed record ResolvedKey(PublicKey? Key, bool IsTrusted, string Controller, string Reason);

/// <summary>
/// Finds the public key behind a verification method id for the QR token, which is signed outside any JSON-LD proof:
/// from the trusted issuers' DID documents (the key must be authorised for assertionMethod and be neither revoked nor
/// expired at the given moment), or from a did:key, which resolves offline but is trusted only if it is in the store.
/// </summary>
internal sealed class IssuerKeys(IReadOnlyList<TrustedIssuer> issuers)
{
    public ResolvedKey Resolve(string verificationMethod, DateTimeOffset now)
    {
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        var controller = hash < 0 ? verificationMethod : verificationMethod[..hash];
        var issuer = issuers.FirstOrDefault(i => i.Did == controller);
        if (issuer is null)
        {
            return DidKey.TryResolve(verificationMethod, out var didKey)
                ? new(didKey, false, controller, $"The key {verificationMethod} is a did:key that is not in your trust store.")
                : new(null, false, controller, $"The key {verificationMethod} belongs to {controller}, which is not in your trust store.");
        }
        var method = Items(issuer.DidDocument["verificationMethod"]).OfType<JsonObject>()
            .FirstOrDefault(m => IsId(m["id"], controller, verificationMethod));
        if (method is null)
        {
            return new(null, true, controller, $"The DID document of {controller} in your trust store does not list the key {verificationMethod}.");
        }
        if (!Items(issuer.DidDocument["assertionMethod"]).Any(e => IsId(e is JsonObject o ? o["id"] : e, controller, verificationMethod)))
        {
            return new(null, true, controller, $"The DID document of {controller} does not authorise the key {verificationMethod} to issue credentials.");
        }
        if (Date(method["revoked"]) is { } revoked && revoked <= now)
        {
            return new(null, true, controller, $"The institution revoked the key {verificationMethod} on {revoked:yyyy-MM-dd}.");
        }
        if (Date(method["expires"]) is { } expires && expires <= now)
        {
            return new(null, true, controller, $"The key {verificationMethod} expired on {expires:yyyy-MM-dd}.");
        }
        var multibase = method["publicKeyMultibase"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return multibase is not null && Multikey.TryDecode(multibase, out var key)
            ? new(key, true, controller, "")
            : new(null, true, controller, $"The key {verificationMethod} in the DID document of {controller} cannot be read.");
    }

    private static bool IsId(JsonNode? node, string controller, string id) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && (text == id || (text.StartsWith('#') && controller + text == id));

    private static DateTimeOffset? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static JsonNode?[] Items(JsonNode? node) => node switch
    {
        JsonArray array => [.. array],
        null => [],
        _ => [node],
    };
}
