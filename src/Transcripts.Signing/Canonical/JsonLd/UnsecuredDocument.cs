using System.Text.Json.Nodes;

namespace Transcripts.Signing.Canonical.JsonLd;

/// <summary>
/// A secured document as a Data Integrity proof covers it (VC Data Integrity §4.4 step 6 and §4.5): without its
/// <c>proof</c>, or with the earlier proofs that a chained proof covers in its place, and with the proof's
/// <c>@context</c> in place of the document's when <see cref="Context"/> is given. Expansion reads the top-level
/// object through this view, so the secured document is canonicalized where it stands rather than copied first.
/// </summary>
internal sealed record UnsecuredDocument(JsonObject Secured, JsonNode? Context = null, JsonArray? PreviousProofs = null)
{
    private const string Proof = "proof";

    /// <summary>The <c>@context</c> the unsecured document has, if any.</summary>
    public bool TryGetContext(out JsonNode? context)
    {
        if (Context is not null)
        {
            context = Context;
            return true;
        }
        return Secured.TryGetPropertyValue("@context", out context);
    }

    /// <summary>The entries of the unsecured document's top-level object, in no particular order.</summary>
    public List<KeyValuePair<string, JsonNode?>> Entries()
    {
        var entries = new List<KeyValuePair<string, JsonNode?>>(Secured.Count);
        foreach (var entry in Secured)
        {
            if (entry.Key == Proof)
            {
                continue;
            }
            entries.Add(Context is not null && entry.Key == "@context" ? new(entry.Key, Context) : entry);
        }
        if (Context is not null && !Secured.ContainsKey("@context"))
        {
            entries.Add(new("@context", Context));
        }
        if (PreviousProofs is not null)
        {
            entries.Add(new(Proof, PreviousProofs));
        }
        return entries;
    }
}
