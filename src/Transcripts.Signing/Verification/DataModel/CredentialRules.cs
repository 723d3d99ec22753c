// A verifiable credential's MUSTs: VC Data Model 2.0 §4.3-§4.12 and §5.3-§5.6 (see CommonRules and ExtensionRules),
// §4.7 Issuer, §4.8 Credential Subject, §4.9 Validity Period. A credential whose first context is the 1.1 one keeps
// VC Data Model 1.1's rules instead: issuanceDate (required) and expirationDate are date-times, validFrom/validUntil and
// names are not 1.1 terms, and credentialStatus and refreshService need an id.
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.DataModel;

internal static class CredentialRules
{
    /// <summary>Adds every violation of <paramref name="credential"/> found at <paramref name="path"/>.</summary>
    /// <param name="credential">The credential.</param>
    /// <param name="path">Where it sits (empty at the top, <c>verifiableCredential[0]</c> inside a presentation).</param>
    /// <param name="requireIssuer">Whether the issuer and its id must be present (false for a credential an issuer is asked to sign).</param>
    /// <param name="requireProof">Whether the credential must be secured by a proof of its own.</param>
    /// <param name="violations">Where violations are added.</param>
    public static void Check(JsonObject credential, string path, bool requireIssuer, bool requireProof, Violations violations)
    {
        var what = path.Length == 0 ? "the credential" : $"the credential at {path}";
        var baseContext = CommonRules.Context(credential, path, "credential", violations);
        var isVc11 = baseContext == CommonRules.V1Context;
        CommonRules.Type(credential, path, what, "VerifiableCredential", DataModelRules.TypeCredential, violations);
        CommonRules.Id(credential, path, what, violations);
        if (!isVc11)
        {
            CommonRules.NameAndDescription(credential, path, what, violations);
        }
        Issuer(credential, path, what, requireIssuer, isVc11, violations);
        Subjects(credential, path, what, violations);
        if (isVc11)
        {
            Vc11Dates(credential, path, what, violations);
        }
        else
        {
            ValidityPeriod(credential, path, what, violations);
        }
        ExtensionRules.Check(credential, path, isVc11, violations);
        if (requireProof && !credential.ContainsKey("proof"))
        {
            violations.Add(DataModelRules.Secured, Violations.Join(path, "proof"),
                $"{Violations.Vc2} §4.12 Securing Mechanisms: a conforming credential MUST be secured; {what} carries no proof.");
        }
    }

    /// <summary>The issuer's URL (the string, or the object's id), or null.</summary>
    public static string? IssuerId(JsonObject credential) => credential["issuer"] switch
    {
        JsonObject o => Violations.Text(o["id"]),
        var other => Violations.Text(other),
    };

    private static void Issuer(JsonObject credential, string path, string what, bool requireIssuer, bool isVc11, Violations violations)
    {
        var at = Violations.Join(path, "issuer");
        var spec = isVc11 ? $"{Violations.Vc11} §4.5 Issuer" : $"{Violations.Vc2} §4.7 Issuer";
        if (!credential.TryGetPropertyValue("issuer", out var issuer))
        {
            if (requireIssuer)
            {
                violations.Add(DataModelRules.IssuerMissing, at, $"{spec}: a credential MUST have an issuer; {what} has none.");
            }
            return;
        }
        if (issuer is JsonObject profile)
        {
            if (profile.TryGetPropertyValue("id", out var id) ? !Url.IsUrl(Violations.Text(id)) : requireIssuer)
            {
                violations.Add(DataModelRules.IssuerUrl, Violations.Join(at, "id"),
                    $"{spec}: the issuer MUST be a URL or an object whose id is a URL; the issuer object's id is {(id is null && !profile.ContainsKey("id") ? "missing" : Violations.Describe(id))}.");
            }
            if (!isVc11)
            {
                CommonRules.NameAndDescription(profile, at, "the issuer", violations);
            }
        }
        else if (!Url.IsUrl(Violations.Text(issuer)))
        {
            violations.Add(DataModelRules.IssuerUrl, at, $"{spec}: the issuer MUST be a URL or an object whose id is a URL; it is {Violations.Describe(issuer)}.");
        }
    }

    private static void Subjects(JsonObject credential, string path, string what, Violations violations)
    {
        var at = Violations.Join(path, "credentialSubject");
        if (!credential.TryGetPropertyValue("credentialSubject", out var subjects))
        {
            violations.Add(DataModelRules.SubjectMissing, at,
                $"{Violations.Vc2} §4.8 Credential Subject: a credential MUST contain a credentialSubject; {what} has none.");
            return;
        }
        var isArray = subjects is JsonArray;
        var items = Violations.Items(subjects);
        if (items.Count == 0)
        {
            violations.Add(DataModelRules.SubjectClaims, at, $"{Violations.Vc2} §4.8 Credential Subject: credentialSubject MUST hold one or more subjects; it is an empty list.");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = Violations.Index(at, i, isArray);
            if (items[i] is not JsonObject { Count: > 0 } subject)
            {
                violations.Add(DataModelRules.SubjectClaims, itemPath,
                    $"{Violations.Vc2} §4.8 Credential Subject: every credentialSubject MUST be an object holding one or more claims; this one is {(items[i] is JsonObject ? "an empty object" : Violations.Describe(items[i]))}.");
                continue;
            }
            CommonRules.Id(subject, itemPath, "a credentialSubject", violations);
        }
    }

    private static void ValidityPeriod(JsonObject credential, string path, string what, Violations violations)
    {
        var from = DateProperty(credential, path, "validFrom", $"{Violations.Vc2} §4.9 Validity Period", "an XML Schema dateTimeStamp (a date and time with a time zone offset)", violations);
        var until = DateProperty(credential, path, "validUntil", $"{Violations.Vc2} §4.9 Validity Period", "an XML Schema dateTimeStamp (a date and time with a time zone offset)", violations);
        if (from is { } f && until is { } u && f > u)
        {
            violations.Add(DataModelRules.ValidityOrder, Violations.Join(path, "validUntil"),
                $"{Violations.Vc2} §4.9 Validity Period: validFrom MUST be the same as or earlier than validUntil; {what} is valid from {f:u} until {u:u}.");
        }
    }

    private static void Vc11Dates(JsonObject credential, string path, string what, Violations violations)
    {
        if (!credential.ContainsKey("issuanceDate"))
        {
            violations.Add(DataModelRules.IssuanceDate, Violations.Join(path, "issuanceDate"),
                $"{Violations.Vc11} §4.6 Issuance Date: a credential MUST have an issuanceDate; {what} has none.");
        }
        DateProperty(credential, path, "issuanceDate", $"{Violations.Vc11} §4.6 Issuance Date", "an RFC 3339 date and time with a time zone offset", violations);
        DateProperty(credential, path, "expirationDate", $"{Violations.Vc11} §4.7 Expiration", "an RFC 3339 date and time with a time zone offset", violations);
    }

    private static DateTimeOffset? DateProperty(JsonObject credential, string path, string property, string spec, string form, Violations violations)
    {
        if (!credential.TryGetPropertyValue(property, out var value))
        {
            return null;
        }
        if (Violations.Text(value) is { } text && DateTimeStamp.TryParse(text, out var instant))
        {
            return instant;
        }
        violations.Add(DataModelRules.DateTime, Violations.Join(path, property), $"{spec}: {property} MUST be {form}; it is {Violations.Describe(value)}.");
        return null;
    }
}
