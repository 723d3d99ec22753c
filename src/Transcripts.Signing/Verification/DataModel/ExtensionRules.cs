// The objects that VC Data Model 2.0 §4.5 Types lists as needing a type: credentialStatus (§4.10 Status),
// credentialSchema (§4.11 Data Schemas, which also needs a URL id), refreshService (§5.4 Refreshing), termsOfUse
// (§5.5 Terms of Use), evidence (§5.6 Evidence), the reserved extension points confidenceMethod and renderMethod, and
// each proof (VC Data Integrity 1.0 §2.1 Proofs: type REQUIRED). §5.3 Integrity of Related Resources for relatedResource.
// VC Data Model 1.1 also requires an id on credentialStatus (§4.9) and refreshService (§5.6 Refreshing).
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Verification.DataModel;

internal static class ExtensionRules
{
    private sealed record Extension(string Property, string Section, bool IsIdRequired, bool IsIdRequiredIn11);

    private static readonly Extension[] s_extensions =
    [
        new("credentialStatus", "§4.10 Status", false, true),
        new("credentialSchema", "§4.11 Data Schemas", true, true),
        new("refreshService", "§5.4 Refreshing", false, true),
        new("termsOfUse", "§5.5 Terms of Use", false, false),
        new("evidence", "§5.6 Evidence", false, false),
        new("confidenceMethod", "Reserved Extension Points", false, false),
        new("renderMethod", "Reserved Extension Points", false, false),
    ];

    /// <summary>Every extension object present: an object with a type (and an id where required), its id a URL.</summary>
    public static void Check(JsonObject document, string path, bool isVc11, Violations violations)
    {
        foreach (var extension in s_extensions)
        {
            if (!document.TryGetPropertyValue(extension.Property, out var value))
            {
                continue;
            }
            var isIdRequired = isVc11 ? extension.IsIdRequiredIn11 : extension.IsIdRequired;
            EachObject(value, Violations.Join(path, extension.Property), extension.Property, extension.Section, violations, (obj, at) =>
            {
                CommonRules.Type(obj, at, $"every {extension.Property} object", null, DataModelRules.TypeMissing, violations);
                if (isIdRequired && !obj.ContainsKey("id"))
                {
                    violations.Add(DataModelRules.IdRequired, Violations.Join(at, "id"),
                        $"{(isVc11 ? Violations.Vc11 : Violations.Vc2)} {extension.Section}: every {extension.Property} object MUST have an id that is a URL; this one has none.");
                }
                CommonRules.Id(obj, at, $"a {extension.Property} object", violations);
            });
        }
        if (document.TryGetPropertyValue("proof", out var proof))
        {
            EachObject(proof, Violations.Join(path, "proof"), "proof", "§4.12 Securing Mechanisms", violations, (obj, at) =>
            {
                if (!obj.ContainsKey("type"))
                {
                    violations.Add(DataModelRules.TypeMissing, Violations.Join(at, "type"),
                        "VC Data Integrity 1.0 §2.1 Proofs: every proof MUST have a type; this one has none.");
                }
                CommonRules.Id(obj, at, "a proof", violations);
            });
        }
        if (!isVc11 && document.TryGetPropertyValue("relatedResource", out var related))
        {
            RelatedResources(related, Violations.Join(path, "relatedResource"), violations);
        }
    }

    private static void RelatedResources(JsonNode? value, string path, Violations violations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        EachObject(value, path, "relatedResource", "§5.3 Integrity of Related Resources", violations, (obj, at) =>
        {
            var id = Violations.Text(obj["id"]);
            if (!Url.IsUrl(id))
            {
                violations.Add(DataModelRules.RelatedResource, Violations.Join(at, "id"),
                    $"{Violations.Vc2} §5.3 Integrity of Related Resources: every relatedResource object MUST have an id that is a URL; it is {Violations.Describe(obj["id"])}.");
            }
            else if (!seen.Add(id!))
            {
                violations.Add(DataModelRules.RelatedResource, Violations.Join(at, "id"),
                    $"{Violations.Vc2} §5.3 Integrity of Related Resources: the id of each relatedResource object MUST be unique in the list; {id} appears twice.");
            }
            if (!obj.ContainsKey("digestSRI") && !obj.ContainsKey("digestMultibase"))
            {
                violations.Add(DataModelRules.RelatedResource, at,
                    $"{Violations.Vc2} §5.3 Integrity of Related Resources: every relatedResource object MUST contain a digestSRI or a digestMultibase; this one has neither.");
            }
        });
    }

    /// <summary>Runs <paramref name="check"/> on each object of a one-or-many value; a non-object (or an empty list) is a violation.</summary>
    private static void EachObject(JsonNode? value, string path, string property, string section, Violations violations, Action<JsonObject, string> check)
    {
        var isArray = value is JsonArray;
        var items = Violations.Items(value);
        if (items.Count == 0)
        {
            violations.Add(DataModelRules.ObjectRequired, path, $"{Violations.Vc2} {section}: {property}, when present, MUST be one or more objects; it is an empty list.");
        }
        for (var i = 0; i < items.Count; i++)
        {
            var at = Violations.Index(path, i, isArray);
            if (items[i] is JsonObject obj)
            {
                check(obj, at);
            }
            else
            {
                violations.Add(DataModelRules.ObjectRequired, at,
                    $"{Violations.Vc2} {section}: every {property} value MUST be an object; this one is {Violations.Describe(items[i])}.");
            }
        }
    }
}
