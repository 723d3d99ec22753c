using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Features.VcApi;

/// <summary>
/// What this service knows when it verifies: the DID documents of the institutions it hosts and their status lists,
/// read from the database, never fetched.
/// </summary>
internal sealed class VerificationContext(TranscriptsDb db, IOptions<SigningOptions> options, TimeProvider clock)
{
    public async Task<VerificationOptions> OptionsForAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var documents = new List<JsonObject>();
        foreach (var institutionId in await db.Institutions.AsNoTracking().Select(i => i.Id).ToListAsync(cancellationToken))
        {
            if (await DidDocuments.ForAsync(db, institutionId, options.Value, cancellationToken) is not { } document)
            {
                continue;
            }
            // Institutions configured with the same public base URL share one did:web: one document lists all their keys.
            if (documents.FirstOrDefault(d => (string?)d["id"] == (string?)document["id"]) is { } same)
            {
                foreach (var member in new[] { "verificationMethod", "assertionMethod" })
                {
                    foreach (var item in document[member]!.AsArray())
                    {
                        same[member]!.AsArray().Add(item!.DeepClone());
                    }
                }
            }
            else
            {
                documents.Add(document);
            }
        }
        var lists = new Dictionary<string, BitstringStatusList>(StringComparer.Ordinal);
        foreach (var url in StatusUrls(credential))
        {
            var slash = url.LastIndexOf('/');
            if (Guid.TryParse(url[(slash + 1)..], out var listId)
                && await db.StatusLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, cancellationToken) is { } list
                && JsonNode.Parse(list.Bytes)?["id"]?.GetValue<string>() == url)
            {
                lists[url] = BitstringStatusList.Decode(list.EncodedList);
            }
        }
        return new VerificationOptions
        {
            Now = clock.GetUtcNow(),
            Proofs = new ProofVerificationOptions { DidDocuments = documents, Now = clock.GetUtcNow() },
            StatusLists = lists,
            // Every credential this service issues carries status entries (its trust bundles say statusRequired).
            StatusRequiredIssuers = documents.Select(d => (string?)d["id"]).OfType<string>().ToHashSet(StringComparer.Ordinal),
        };
    }

    private static IEnumerable<string> StatusUrls(JsonObject credential)
    {
        var status = credential["credentialStatus"];
        var entries = status is JsonArray array ? array.OfType<JsonObject>() : status is JsonObject one ? [one] : [];
        foreach (var entry in entries)
        {
            if (entry["statusListCredential"] is JsonValue v && v.TryGetValue<string>(out var url))
            {
                yield return url;
            }
        }
    }
}
