// Proof sets and proof chains (VC Data Integrity 1.0 §2.1.2, §4.2 add proof set/chain, §4.5 verify proof set/chain):
// `proof` is one object or an array; a proof with `previousProof` was made over the document carrying the proofs
// it names, so it is verified over that document too.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transcripts.Signing.Proofs;

internal static class ProofSet
{
    /// <summary>The proofs of a document, in order (a single object counts as one).</summary>
    public static IReadOnlyList<JsonNode?> Proofs(JsonObject document) => document["proof"] switch
    {
        null => [],
        JsonArray array => [.. array],
        var single => [single],
    };

    /// <summary>The <c>previousProof</c> ids of a proof (a string or an array of strings).</summary>
    /// <returns><see langword="null"/> when the property is malformed.</returns>
    public static IReadOnlyList<string>? PreviousProofIds(JsonObject proof)
    {
        switch (proof["previousProof"])
        {
            case null:
                return [];
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return [value.GetValue<string>()];
            case JsonArray array:
                var ids = new List<string>(array.Count);
                foreach (var item in array)
                {
                    if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                    {
                        return null;
                    }
                    ids.Add(v.GetValue<string>());
                }
                return ids;
            default:
                return null;
        }
    }

    /// <summary>The proofs among <paramref name="proofs"/> whose ids are <paramref name="ids"/>, or the first missing id.</summary>
    public static JsonArray? Matching(IReadOnlyList<JsonNode?> proofs, IReadOnlyList<string> ids, out string? missing)
    {
        var matching = new JsonArray();
        foreach (var id in ids)
        {
            var found = proofs.FirstOrDefault(p => p is JsonObject o && o["id"] is JsonValue v
                && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == id);
            if (found is null)
            {
                missing = id;
                return null;
            }
            matching.Add(JsonCopy.Of(found));
        }
        missing = null;
        return matching;
    }

    /// <summary>A copy of <paramref name="document"/> without its proofs.</summary>
    public static JsonObject WithoutProof(JsonObject document) => JsonCopy.Of(document, except: "proof");
}
