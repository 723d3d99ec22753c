using System.Text.Json.Nodes;
using Transcripts.Signing.StatusLists;
using Transcripts.Verifier.Checking;

namespace Transcripts.Verifier.TrustStore;

/// <summary>One list <c>status refresh</c> fetches: where from, and whose credentials it is for.</summary>
internal sealed record StatusListTarget(string Url, TrustedIssuer Issuer, string FoundIn);

/// <summary>
/// Which status lists <c>status refresh</c> fetches, and whether a fetched copy may replace the cached one:
/// <list type="bullet">
/// <item>the lists the institution's trust bundle names, every list already cached (so a list once found stays current),
/// and the lists that given credentials name in <c>statusListCredential</c> (so a list created after <c>trust add</c> is
/// found) — the last only for a trusted issuer and, for a did:web issuer, on the issuer's own host;</item>
/// <item>https only, except on a loopback host (a list fetched over plain http could be swapped in transit);</item>
/// <item>a fetched copy must be signed by the institution, and replaces the cached one only when it is newer
/// (<see cref="StatusListCredential.Choose"/>): the cache never goes back to an older list.</item>
/// </list>
/// </summary>
internal static class StatusListRefresh
{
    /// <summary>Every list to fetch, once each, in a stable order.</summary>
    public static IReadOnlyList<StatusListTarget> Targets(IReadOnlyList<TrustedIssuer> issuers, StatusCache cache,
        IEnumerable<JsonObject> credentials, ICollection<string> skipped)
    {
        var targets = new Dictionary<string, StatusListTarget>(StringComparer.Ordinal);
        foreach (var issuer in issuers)
        {
            foreach (var url in issuer.StatusListUrls)
            {
                targets.TryAdd(url, new(url, issuer, "its trust bundle"));
            }
        }
        foreach (var id in cache.Ids())
        {
            if (cache.Find(id, out _) is { } entry && issuers.FirstOrDefault(i => i.Institution.Dids.Contains(entry.Issuer)) is { } issuer)
            {
                targets.TryAdd(entry.FetchedFrom, new(entry.FetchedFrom, issuer, "the status cache"));
            }
        }
        foreach (var credential in credentials.SelectMany(Flatten))
        {
            var issuerId = CredentialSummary.From(credential, []).IssuerId;
            foreach (var url in ListUrls(credential))
            {
                if (targets.ContainsKey(url))
                {
                    continue;
                }
                if (issuers.FirstOrDefault(i => issuerId is not null && i.Institution.Dids.Contains(issuerId)) is not { } issuer)
                {
                    skipped.Add($"{url}: not fetched, the credential's issuer {issuerId ?? "(none)"} is not in your trust store.");
                }
                else if (!IsOnIssuersHost(url, issuerId!))
                {
                    skipped.Add($"{url}: not fetched, it is not on the host of {issuerId}, which a did:web issuer publishes its lists on.");
                }
                else
                {
                    targets.TryAdd(url, new(url, issuer, "a credential given"));
                }
            }
        }
        return [.. targets.Values.OrderBy(t => t.Issuer.Did, StringComparer.Ordinal).ThenBy(t => t.Url, StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="url"/> may be fetched: https, or http on a loopback host; else the reason.</summary>
    public static string? RefuseAddress(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "Not fetched: the address is not an https URL (https only).";
        }
        return uri.Scheme == "http" && !uri.IsLoopback
            ? "Not fetched: lists and bundles are fetched over https only (plain http is accepted only on this computer, for testing)."
            : null;
    }

    /// <summary>
    /// Whether <paramref name="fetched"/> (already checked to be signed by the institution) should replace
    /// <paramref name="cached"/>: only when newer. Returns the row's text.
    /// </summary>
    public static bool ShouldReplace(StatusListCredential? cached, StatusListCredential fetched, DateTimeOffset now, out string why)
    {
        if (cached is null)
        {
            why = "";
            return true;
        }
        if (ReferenceEquals(StatusListCredential.Choose(cached, fetched, now), fetched))
        {
            why = "";
            return true;
        }
        why = fetched.IsExpiredAt(now)
            ? $"Not cached: the list served is expired (valid until {fetched.ValidUntil:yyyy-MM-dd HH:mm} UTC); the cached copy is kept."
            : fetched.ValidFrom == cached.ValidFrom
                ? "Unchanged: the cached copy is already this list."
                : $"Not cached: the list served (signed {fetched.ValidFrom:yyyy-MM-dd HH:mm} UTC) is older than the cached copy "
                  + $"(signed {cached.ValidFrom:yyyy-MM-dd HH:mm} UTC), which is kept.";
        return false;
    }

    // A did:web issuer's lists are on its own host (or a loopback host, for testing); a did:key issuer has no host to compare.
    private static bool IsOnIssuersHost(string url, string issuer)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        if (uri.IsLoopback || !issuer.StartsWith("did:web:", StringComparison.Ordinal))
        {
            return true;
        }
        var host = Uri.UnescapeDataString(issuer["did:web:".Length..].Split(':')[0]);
        return string.Equals(uri.Authority, host, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<JsonObject> Flatten(JsonObject document)
    {
        yield return document;
        JsonNode?[] inner = document["verifiableCredential"] switch { JsonArray a => [.. a], JsonObject o => [o], _ => [] };
        if (document["credentialSubject"] is JsonObject subject && subject["verifiableCredential"] is JsonArray embedded)
        {
            inner = [.. inner, .. embedded];
        }
        foreach (var item in inner.OfType<JsonObject>().Take(1_000))
        {
            yield return item;
            if (item["credentialSubject"] is JsonObject s && s["verifiableCredential"] is JsonArray nested)
            {
                foreach (var n in nested.OfType<JsonObject>().Take(1_000))
                {
                    yield return n;
                }
            }
        }
    }

    private static IEnumerable<string> ListUrls(JsonObject credential) =>
        (credential["credentialStatus"] switch { JsonArray a => a.OfType<JsonObject>(), JsonObject o => [o], _ => [] })
        .Select(s => CredentialSummary.Text(s, "statusListCredential")).OfType<string>().Distinct();
}
