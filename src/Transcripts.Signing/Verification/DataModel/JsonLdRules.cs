// The MUSTs only JSON-LD processing can show: VC Data Model 2.0 §4.3 Contexts ("each is processable as a JSON-LD
// Context"; a context that redefines a protected term of the base context is an error) and §4.5 Types (every type
// term MUST map to a URL). The document is expanded (JSON-LD 1.1 API §9.2 expand()) with the pinned contexts only;
// a context this software does not hold is not a data-model violation but something it cannot check, so it is left
// to the proof step, which says so. Every @type of the expanded document must then be an absolute URL.
using System.Text.Json.Nodes;
using Transcripts.Signing.Canonical.JsonLd;

namespace Transcripts.Signing.Verification.DataModel;

internal static class JsonLdRules
{
    public static void Check(JsonObject document, IDocumentLoader loader, Limits limits, Violations violations)
    {
        JsonArray expanded;
        try
        {
            expanded = JsonLdProcessor.Expand(document, new JsonLdOptions(), loader, limits);
        }
        catch (SigningException e) when (e.Error == SigningError.UnknownContext)
        {
            return;
        }
        catch (SigningException e)
        {
            violations.Add(DataModelRules.JsonLd, "@context",
                $"{Violations.Vc2} §4.3 Contexts: the document MUST be processable as JSON-LD with its contexts (and no protected term of the base context may be redefined); processing it failed: {e.Message}");
            return;
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in ExpandedTypes(expanded))
        {
            if (!Url.IsUrl(type) && !Iris.IsKeyword(type) && reported.Add(type))
            {
                violations.Add(DataModelRules.TypeUrl, "type",
                    $"{Violations.Vc2} §4.5 Types: every type MUST map to a URL through the document's contexts; \"{type}\" does not.");
            }
        }
    }

    private static IEnumerable<string> ExpandedTypes(JsonNode? node)
    {
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonArray array:
                    foreach (var item in array)
                    {
                        pending.Push(item);
                    }
                    break;
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "@type")
                        {
                            foreach (var type in Violations.Items(value).Select(Violations.Text).OfType<string>())
                            {
                                yield return type;
                            }
                        }
                        else if (key != "@value")
                        {
                            pending.Push(value);
                        }
                    }
                    break;
            }
        }
    }
}
