// An institution as a verifier trusts it: the keys it publishes for issuing, each with its lifecycle state, and for each
// revoked key the set of credentials the institution says that key really signed. Built from the institution's DID document
// (Controlled Identifiers 1.0 §2.2: a method's "expires" marks a retired key, "revoked" a compromised one) or, by the
// service, from its own key table. Keys are never merged across institutions: two institutions that share a DID are two
// entries, and a proof counts for the one whose key it is.
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Signing.Trust;

/// <summary>A trusted institution: its DID, the name the trust set knows it by, and its keys with their states.</summary>
public sealed record TrustedInstitution
{
    /// <summary>Creates an institution from its keys.</summary>
    public TrustedInstitution(string did, string? name, IEnumerable<IssuerKey> keys)
    {
        ArgumentException.ThrowIfNullOrEmpty(did);
        ArgumentNullException.ThrowIfNull(keys);
        Did = did;
        Name = name;
        Keys = [.. keys];
    }

    /// <summary>The DID the institution issues under now (its DID document's <c>id</c>).</summary>
    public string Did { get; init; }

    /// <summary>The name the trust set knows the institution by (not what a credential claims).</summary>
    public string? Name { get; init; }

    /// <summary>Every key it publishes for issuing credentials, in any state.</summary>
    public IReadOnlyList<IssuerKey> Keys { get; init; }

    /// <summary>
    /// For each revoked key (by verification method), the SHA-256 digests (<see cref="IssuedCredentialsList.Digest"/>) of the
    /// credentials the institution says it really signed with it, from a list it signed with a key still in good standing.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> IssuedCredentials { get; init; } =
        FrozenDictionary<string, IReadOnlySet<string>>.Empty;

    /// <summary>The DIDs the institution has issued under: its DID and each key's controller (a did:key institution has one per key).</summary>
    public IEnumerable<string> Dids => Keys.Select(k => k.Controller).Prepend(Did).Distinct(StringComparer.Ordinal);

    /// <summary>The key with this verification method id, if the institution publishes it.</summary>
    public IssuerKey? Find(string verificationMethod) => Keys.FirstOrDefault(k => k.VerificationMethod == verificationMethod);

    /// <summary>The institution with more keys (a did:key institution's former keys), keeping those it already has.</summary>
    public TrustedInstitution WithKeys(IEnumerable<IssuerKey> more) =>
        this with { Keys = [.. Keys, .. more.Where(m => Find(m.VerificationMethod) is null)] };

    /// <summary>
    /// Reads a DID document: every verification method authorised for <paramref name="purpose"/> that carries a readable
    /// <c>publicKeyMultibase</c>, with <c>revoked</c> making it revoked and <c>expires</c> retired.
    /// </summary>
    /// <exception cref="SigningException"><see cref="SigningError.InvalidJson"/> when the document has no DID in <c>id</c>.</exception>
    public static TrustedInstitution FromDidDocument(JsonObject didDocument, string? name = null, string purpose = "assertionMethod")
    {
        ArgumentNullException.ThrowIfNull(didDocument);
        var did = Text(didDocument["id"]) ?? throw new SigningException(SigningError.InvalidJson, "The DID document has no \"id\".");
        var methods = Items(didDocument["verificationMethod"]).OfType<JsonObject>().ToList();
        var keys = new List<IssuerKey>();
        foreach (var entry in Items(didDocument[purpose]))
        {
            var method = entry as JsonObject ?? methods.FirstOrDefault(m => Absolute(Text(m["id"]), did) == Absolute(Text(entry), did));
            if (method is not null && ReadMethod(method, did) is { } key && keys.All(k => k.VerificationMethod != key.VerificationMethod))
            {
                keys.Add(key);
            }
        }
        return new TrustedInstitution(did, name, keys);
    }

    /// <summary>Reads one verification method object (Multikey); null when it is unreadable.</summary>
    public static IssuerKey? ReadMethod(JsonObject method, string did)
    {
        ArgumentNullException.ThrowIfNull(method);
        var id = Absolute(Text(method["id"]), did);
        if (id is null || Text(method["publicKeyMultibase"]) is not { } multibase || !Multikey.TryDecode(multibase, out var key))
        {
            return null;
        }
        var controller = Text(method["controller"]) ?? IssuerKey.ControllerOf(id);
        var revoked = Date(method["revoked"]);
        var expires = Date(method["expires"]);
        var state = method["revoked"] is not null ? KeyState.Revoked : method["expires"] is not null ? KeyState.Retired : KeyState.Active;
        return new IssuerKey(id, controller, key, state, expires, revoked);
    }

    /// <summary>Writes a key as a DID document verification method (the inverse of <see cref="ReadMethod"/>).</summary>
    public static JsonObject WriteMethod(IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var method = new JsonObject
        {
            ["id"] = key.VerificationMethod, ["type"] = "Multikey", ["controller"] = key.Controller,
            ["publicKeyMultibase"] = Multikey.Encode(key.PublicKey),
        };
        if (key.RetiredAt is { } retired)
        {
            method["expires"] = DateTimeStamp.Format(retired);
        }
        if (key.State == KeyState.Revoked)
        {
            method["revoked"] = DateTimeStamp.Format(key.RevokedAt ?? DateTimeOffset.UnixEpoch);
        }
        return method;
    }

    private static string? Absolute(string? id, string did) => id is not null && id.StartsWith('#') ? did + id : id;

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    internal static DateTimeOffset? Date(JsonNode? node) =>
        DateTimeOffset.TryParse(Text(node), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    internal static JsonNode?[] Items(JsonNode? node) => node switch
    {
        JsonArray array => [.. array],
        null => [],
        _ => [node],
    };
}
