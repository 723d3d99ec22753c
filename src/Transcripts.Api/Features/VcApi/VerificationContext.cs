using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Features.VcApi;

/// <summary>
/// What this service knows when it verifies: its own institutions, each with its keys and their states and the lists of
/// credentials its revoked keys really signed (the trust set of the signing core's one TrustRule, as a verifier's trust store
/// holds them), and their status lists, read from the database, never fetched. Institutions that share a DID keep their own
/// keys: a proof counts for the institution whose key made it.
/// </summary>
internal sealed class VerificationContext(TranscriptsDb db, IOptions<SigningOptions> options, TimeProvider clock)
{
    public async Task<VerificationOptions> OptionsForAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var institutions = new List<TrustedInstitution>();
        var documents = new List<JsonObject>();
        foreach (var institutionId in await db.Institutions.AsNoTracking().Select(i => i.Id).ToListAsync(cancellationToken))
        {
            if (await DidDocuments.IdentityAsync(db, institutionId, options.Value, cancellationToken) is not { } found)
            {
                continue;
            }
            institutions.Add(InstitutionTrust.For(found.Identity, found.Keys));
            documents.Add(found.Identity.DidDocument(found.Keys));
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
            // DID documents only for a presentation's holder key; issuers' keys come with their states through Trust.
            Proofs = new ProofVerificationOptions { DidDocuments = documents, Now = clock.GetUtcNow() },
            Trust = institutions,
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
