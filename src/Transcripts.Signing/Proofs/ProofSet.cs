// Proof sets and proof chains (VC Data Integrity 1.0 §2.1.2, §4.3 Add Proof Set/Chain, §4.5 Verify Proof Sets and Chains):
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

    /// <summary>
    /// The proofs among <paramref name="proofs"/> whose ids are <paramref name="ids"/> (§4.3 step 4-5, §4.5 step 3.2), copied,
    /// in the order of <paramref name="ids"/>; or null with <paramref name="failure"/> when an id names no proof, or names
    /// two (the reference would be ambiguous).
    /// </summary>
    public static JsonArray? Matching(IReadOnlyList<JsonNode?> proofs, IReadOnlyList<string> ids, out string? failure)
    {
        var matching = new JsonArray();
        foreach (var id in ids)
        {
            var found = proofs.Where(p => IdOf(p) == id).Take(2).ToList();
            if (found.Count != 1)
            {
                failure = found.Count == 0
                    ? $"The proof chains to the earlier proof '{id}', which the document does not have."
                    : $"The proof chains to the earlier proof '{id}', but the document has more than one proof with that id.";
                return null;
            }
            matching.Add(JsonCopy.Of(found[0]));
        }
        failure = null;
        return matching;
    }

    /// <summary>
    /// §4.5: a proof with <c>previousProof</c> is verified only if every proof it references is verified too. Proofs whose
    /// own signature checked out but that chain (directly or through others) to a proof that did not verify are marked
    /// failed. Results only ever go from verified to not verified, so this ends, cycles included.
    /// </summary>
    public static void RequireReferencedProofs(IReadOnlyList<JsonNode?> proofs, List<ProofResult> results)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < results.Count; i++)
            {
                if (!results[i].IsVerified || proofs[i] is not JsonObject proof || PreviousProofIds(proof) is not { Count: > 0 } ids)
                {
                    continue;
                }
                foreach (var id in ids)
                {
                    var referenced = results.FindIndex(r => r.Index != i && IdOf(proofs[r.Index]) == id);
                    if (referenced >= 0 && !results[referenced].IsVerified)
                    {
                        results[i] = results[i] with
                        {
                            IsVerified = false,
                            Reason = $"The proof chains to the earlier proof '{id}', which is not valid, so this proof does not count either.",
                        };
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The <c>id</c> of a proof, when it is a string.</summary>
    public static string? IdOf(JsonNode? proof) =>
        proof is JsonObject o && o["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A copy of <paramref name="document"/> without its proofs.</summary>
    public static JsonObject WithoutProof(JsonObject document) => JsonCopy.Of(document, except: "proof");
}
