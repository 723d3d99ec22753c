using System.Text.Json.Nodes;
using Transcripts.Api.Data.Entities;
using Transcripts.Signing.Keys;
using Transcripts.Signing.Trust;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// An institution of this service as the signing core's trust rule sees it: each key with its state, and the lists of
/// credentials its revoked keys really signed (accepted through the same rule a verifier applies to a trust bundle).
/// </summary>
internal static class InstitutionTrust
{
    public static IssuerKey KeyOf(IssuerIdentity identity, SigningKey key)
    {
        var method = identity.VerificationMethod(key);
        var state = key.RevokedAt is not null ? KeyState.Revoked : key.RetiredAt is not null ? KeyState.Retired : KeyState.Active;
        return new IssuerKey(method, IssuerKey.ControllerOf(method), Multikey.Decode(key.PublicKeyMultibase), state, key.RetiredAt, key.RevokedAt);
    }

    public static TrustedInstitution For(IssuerIdentity identity, IEnumerable<SigningKey> keys)
    {
        var rows = keys.ToList();
        var institution = new TrustedInstitution(identity.Did, identity.Institution.Name, rows.OrderBy(k => k.CreatedAt).Select(k => KeyOf(identity, k)));
        foreach (var list in rows.Select(k => k.IssuedCredentialsList).OfType<string>())
        {
            if (JsonNode.Parse(list) is JsonObject document)
            {
                institution = IssuedCredentialsList.Accept(institution, document, out _);
            }
        }
        return institution;
    }
}
