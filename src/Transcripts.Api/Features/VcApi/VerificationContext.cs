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
    // One request may verify several credentials (a share link, a presentation): the institutions' trust is read once,
    // and each status list once, for all of them.
    private (List<TrustedInstitution> Institutions, List<JsonObject> Documents)? _trust;
    private readonly Dictionary<string, BitstringStatusList?> _lists = new(StringComparer.Ordinal);

    public async Task<VerificationOptions> OptionsForAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var (institutions, documents) = _trust ??= await TrustAsync(cancellationToken);
        var lists = new Dictionary<string, BitstringStatusList>(StringComparer.Ordinal);
        foreach (var url in StatusUrls(credential))
        {
            if (!_lists.TryGetValue(url, out var list))
            {
                _lists[url] = list = await StatusListAsync(url, cancellationToken);
            }
            if (list is not null)
            {
                lists[url] = list;
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

    private async Task<(List<TrustedInstitution>, List<JsonObject>)> TrustAsync(CancellationToken cancellationToken)
    {
        var found = await DidDocuments.AllIdentitiesAsync(db, options.Value, cancellationToken);
        return (found.Select(f => InstitutionTrust.For(f.Identity, f.Keys)).ToList(), found.Select(f => f.Identity.DidDocument(f.Keys)).ToList());
    }

    /// <summary>The list a status URL names, if it is one of this service's lists and the stored list says that URL.</summary>
    private async Task<BitstringStatusList?> StatusListAsync(string url, CancellationToken cancellationToken)
    {
        var slash = url.LastIndexOf('/');
        return Guid.TryParse(url[(slash + 1)..], out var listId)
            && await db.StatusLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, cancellationToken) is { } list
            && JsonNode.Parse(list.Bytes)?["id"]?.GetValue<string>() == url
            ? BitstringStatusList.Decode(list.EncodedList)
            : null;
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
