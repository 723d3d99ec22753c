// A verifiable presentation's MUSTs: VC Data Model 2.0 §4.13 Verifiable Presentations (type VerifiablePresentation;
// holder a URL or an object with a URL id; verifiableCredential values are credential objects, never strings),
// §4.13.1 Enveloped Verifiable Credentials, and §4.13.4 Presentations Including Holder Claims (a credential secured only
// by the presentation's own proof is self-asserted: the presentation names its holder, and the credential's issuer is
// that holder). VC Data Model 1.1 §4.10 Presentations asks the same of a presentation with the 1.1 context.
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.DataModel;

internal static class PresentationRules
{
    private const string Enveloped = "EnvelopedVerifiableCredential";

    public static void Check(JsonObject presentation, Violations violations)
    {
        CommonRules.Context(presentation, "", "presentation", violations);
        CommonRules.Type(presentation, "", "the presentation", "VerifiablePresentation", DataModelRules.TypePresentation, violations);
        CommonRules.Id(presentation, "", "the presentation", violations);
        var holder = Holder(presentation, violations);
        ExtensionRules.Check(presentation, "", isVc11: false, violations);
        if (!presentation.TryGetPropertyValue("verifiableCredential", out var credentials))
        {
            return;
        }
        var isArray = credentials is JsonArray;
        var items = Violations.Items(credentials);
        var isSecured = presentation.ContainsKey("proof");
        for (var i = 0; i < items.Count; i++)
        {
            var at = Violations.Index("verifiableCredential", i, isArray);
            if (items[i] is not JsonObject credential)
            {
                violations.Add(DataModelRules.PresentationCredential, at,
                    $"{Violations.Vc2} §4.13 Verifiable Presentations: every verifiableCredential value MUST be a verifiable credential or enveloped verifiable credential object, never a string, number or URL; this one is {Violations.Describe(items[i])}.");
                continue;
            }
            if (Violations.Types(credential).Contains(Enveloped))
            {
                EnvelopedCredential(credential, at, violations);
                continue;
            }
            CredentialRules.Check(credential, at, requireIssuer: true, requireProof: false, violations);
            if (isSecured && !credential.ContainsKey("proof"))
            {
                SelfAsserted(credential, at, holder, violations);
            }
        }
    }

    private static string? Holder(JsonObject presentation, Violations violations)
    {
        if (!presentation.TryGetPropertyValue("holder", out var holder))
        {
            return null;
        }
        var id = holder is JsonObject o ? Violations.Text(o["id"]) : Violations.Text(holder);
        if (!Url.IsUrl(id))
        {
            violations.Add(DataModelRules.HolderUrl, holder is JsonObject ? "holder.id" : "holder",
                $"{Violations.Vc2} §4.13 Verifiable Presentations: the holder MUST be a URL or an object whose id is a URL; {(holder is JsonObject ? "the holder object's id is " + (id is null ? "missing" : Violations.Describe(holder["id"])) : "it is " + Violations.Describe(holder))}.");
            return null;
        }
        return id;
    }

    private static void EnvelopedCredential(JsonObject credential, string path, Violations violations)
    {
        if (!Violations.Items(credential["@context"]).Any(c => Violations.Text(c) == CommonRules.V2Context))
        {
            violations.Add(DataModelRules.EnvelopedCredential, Violations.Join(path, "@context"),
                $"{Violations.Vc2} §4.13.1 Enveloped Verifiable Credentials: the object MUST have an @context that includes {CommonRules.V2Context}; it does not.");
        }
        if (!Url.IsDataUrl(Violations.Text(credential["id"])))
        {
            violations.Add(DataModelRules.EnvelopedCredential, Violations.Join(path, "id"),
                $"{Violations.Vc2} §4.13.1 Enveloped Verifiable Credentials: the id MUST be a data: URL holding the secured credential; it is {Violations.Describe(credential["id"])}.");
        }
        if (Violations.Text(credential["type"]) != Enveloped && credential["type"] is not JsonArray { Count: 1 })
        {
            violations.Add(DataModelRules.EnvelopedCredential, Violations.Join(path, "type"),
                $"{Violations.Vc2} §4.13.1 Enveloped Verifiable Credentials: the type MUST be {Enveloped}; it is {Violations.Describe(credential["type"])}.");
        }
    }

    private static void SelfAsserted(JsonObject credential, string path, string? holder, Violations violations)
    {
        if (holder is null)
        {
            violations.Add(DataModelRules.HolderRequired, "holder",
                $"{Violations.Vc2} §4.13.4 Presentations Including Holder Claims: the credential at {path} is secured only by the presentation's proof, so it is self-asserted and the presentation MUST name its holder; it does not.");
            return;
        }
        var issuer = CredentialRules.IssuerId(credential);
        if (issuer is not null && issuer != holder)
        {
            violations.Add(DataModelRules.HolderIssuer, Violations.Join(path, "issuer"),
                $"{Violations.Vc2} §4.13.4 Presentations Including Holder Claims: the credential at {path} is secured only by the presentation's proof, so its issuer MUST be the holder {holder}; it is {issuer}.");
        }
    }
}
