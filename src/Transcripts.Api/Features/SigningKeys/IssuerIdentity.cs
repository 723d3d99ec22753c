using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Institutions;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification.DataModel;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// Who an institution is when it signs: its DID (did:web from its public base URL, or did:key of its active key), the
/// verification method of each key, the DID document listing them, and the issuer <c>Profile</c> of its credentials.
/// </summary>
internal sealed record IssuerIdentity(Institution Institution, IssuerSettings Settings, string Did, Uri PublicBase)
{
    /// <summary>The DID document's relationship that lists the keys allowed to sign PDF transcripts as documents.</summary>
    public const string DocumentSigningRelationship = DocumentKeyRule.Relationship;

    /// <summary>What the institution's credentials carry about a learner; the minimal choice unless the institution set one.</summary>
    public CredentialPolicy Policy { get; init; } = CredentialPolicy.Minimal(Institution.Id);

    public string VerificationMethod(SigningKey key) =>
        Settings.UsesDidKey ? DidKey.VerificationMethodId(Multikey.Decode(key.PublicKeyMultibase)) : $"{Did}#{key.PublicKeyMultibase}";

    public string StatusListUrl(Guid listId) => new Uri(PublicBase, $"status/{listId}").ToString();

    /// <summary>The verification method id of the P-256 key derived from <paramref name="key"/> that signs PDF documents.</summary>
    public string DocumentVerificationMethod(SigningKey key) => $"{Did}#{key.DocumentPublicKeyMultibase}";

    /// <summary>
    /// The DID document: every key as a Multikey, retired ones with <c>expires</c>, compromised ones with <c>revoked</c>;
    /// beside each, its PDF document-signing key, listed under the extension relationship <c>documentSigning</c> (DID Core
    /// §5.3 allows others) and never under <c>assertionMethod</c>, so it cannot sign credentials.
    /// </summary>
    public JsonObject DidDocument(IReadOnlyList<SigningKey> keys)
    {
        var methods = new JsonArray();
        var assertion = new JsonArray();
        var documents = new JsonArray();
        foreach (var key in keys.OrderBy(k => k.CreatedAt))
        {
            if (Settings.UsesDidKey && !key.IsActive)
            {
                continue;   // a did:key names exactly one key; retired keys keep their own did:key
            }
            var id = VerificationMethod(key);
            var method = new JsonObject
            {
                ["id"] = id, ["type"] = "Multikey", ["controller"] = Did, ["publicKeyMultibase"] = key.PublicKeyMultibase,
            };
            if (key.RetiredAt is { } retired)
            {
                method["expires"] = DateTimeStamp.Format(retired);
            }
            if (key.RevokedAt is { } revoked)
            {
                method["revoked"] = DateTimeStamp.Format(revoked);
            }
            methods.Add(method);
            assertion.Add(id);
            if (key.DocumentPublicKeyMultibase is { } documentKey)
            {
                var document = (JsonObject)method.DeepClone();
                document["id"] = DocumentVerificationMethod(key);
                document["publicKeyMultibase"] = documentKey;
                methods.Add(document);
                documents.Add(DocumentVerificationMethod(key));
            }
        }
        var didDocument = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = Did,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
        };
        if (documents.Count > 0)
        {
            didDocument[DocumentSigningRelationship] = documents;
        }
        return didDocument;
    }

    /// <summary>The OB 3.0 issuer <c>Profile</c>.</summary>
    public JsonObject Profile()
    {
        var profile = new JsonObject { ["id"] = Did, ["type"] = new JsonArray("Profile"), ["name"] = Institution.Name };
        if (Institution.Url is { Length: > 0 } url)
        {
            profile["url"] = url;
        }
        if (Institution.Email is { Length: > 0 } email)
        {
            profile["email"] = email;
        }
        if (Institution.Address is { Length: > 0 } address)
        {
            profile["address"] = new JsonObject { ["type"] = new JsonArray("Address"), ["streetAddress"] = address };
        }
        return profile;
    }

    /// <summary>The identity, or null when the institution has neither a did:web base URL nor did:key switched on.</summary>
    public static IssuerIdentity? For(Institution institution, IssuerSettings settings, SigningKey? activeKey, SigningOptions options)
    {
        var publicBase = PublicBaseOf(institution, options);
        if (settings.UsesDidKey)
        {
            return activeKey is null ? null
                : new IssuerIdentity(institution, settings, DidKey.Create(Multikey.Decode(activeKey.PublicKeyMultibase)), publicBase);
        }
        return DidWeb.TryFromBaseUrl(institution.PublicBaseUrl, out var did) ? new IssuerIdentity(institution, settings, did, publicBase) : null;
    }

    /// <summary>
    /// The address printed on the institution's transcripts (QR code, verification instructions): its configured public
    /// base URL as configured, path included (a service behind a reverse proxy at <c>/records/</c>), else the service's.
    /// </summary>
    public Uri PrintedBase => Uri.TryCreate(Institution.PublicBaseUrl, UriKind.Absolute, out var own)
        ? new Uri(own.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
        : PublicBase;

    /// <summary>The origin status lists are published under: the institution's own host, else the service's.</summary>
    public static Uri PublicBaseOf(Institution institution, SigningOptions options) =>
        Uri.TryCreate(institution.PublicBaseUrl, UriKind.Absolute, out var own)
            ? new Uri(own.GetLeftPart(UriPartial.Authority) + "/")
            : new Uri(options.PublicBaseUrl.TrimEnd('/') + "/");
}
