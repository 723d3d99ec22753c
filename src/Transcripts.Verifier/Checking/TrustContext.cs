using System.Text.Json.Nodes;
using Transcripts.Signing.Proofs;
using Transcripts.Signing.StatusLists;
using Transcripts.Signing.Trust;
using Transcripts.Signing.Verification;
using Transcripts.Verifier.TrustStore;

namespace Transcripts.Verifier.Checking;

/// <summary>When a verification happens and whether status is checked.</summary>
/// <param name="Now">The moment validity is judged at (<c>--at</c>, or the clock).</param>
/// <param name="WallClock">The real time, for the age of cached lists.</param>
/// <param name="CheckStatus">False with <c>--no-status</c>.</param>
internal sealed record VerifySettings(DateTimeOffset Now, DateTimeOffset WallClock, bool CheckStatus);

/// <summary>A status list ready for use (its validity is judged by the status step), or the reason none can be used.</summary>
/// <param name="AsOf">When the copy was known current: when it was fetched, or for a stapled copy when it was issued.</param>
internal sealed record StatusListCopy(StatusListCredential? List, string Note, DateTimeOffset? AsOf = null);

/// <summary>
/// Everything a run verifies against, read once from the trust store: the trusted issuers' DID documents, and the
/// status lists, each checked (signature by the issuer of the credential that points to it) before it is used.
/// Safe to share between threads (a folder's files are verified in parallel).
/// </summary>
internal sealed class TrustContext
{
    private readonly StatusCache _cache;
    private readonly Dictionary<(string Id, string Issuer, JsonObject? Stapled), StatusListCopy> _lists = [];

    public TrustContext(IReadOnlyList<TrustedIssuer> issuers, StatusCache cache, VerifySettings settings)
    {
        _cache = cache;
        Issuers = issuers;
        Settings = settings;
        Institutions = [.. issuers.Select(i => i.Institution)];
        TrustedIds = Institutions.SelectMany(i => i.Dids).ToHashSet(StringComparer.Ordinal);
        // DID documents only for a presentation's holder; issuers' keys come with their states through Institutions.
        Proofs = new ProofVerificationOptions { DidDocuments = [.. issuers.Select(i => i.DidDocument)], Now = settings.Now };
        StatusRequired = issuers.Where(i => i.IsStatusRequired).SelectMany(i => i.Institution.Dids).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<TrustedIssuer> Issuers { get; }
    public VerifySettings Settings { get; }

    /// <summary>The trusted institutions, for the signing core's one trust rule.</summary>
    public IReadOnlyList<TrustedInstitution> Institutions { get; }
    public IReadOnlySet<string> TrustedIds { get; }
    public ProofVerificationOptions Proofs { get; }

    /// <summary>The name the trust store knows the institution issuing as <paramref name="did"/> by.</summary>
    public string? NameOf(string? did) => did is null ? null : Institutions.FirstOrDefault(i => i.Dids.Contains(did, StringComparer.Ordinal))?.Name;

    /// <summary>The DIDs of trusted institutions whose bundle says every credential they issue carries status.</summary>
    public IReadOnlySet<string> StatusRequired { get; }

    public VerificationOptions Options(IReadOnlyDictionary<string, StatusListCredential>? statusLists) =>
        new() { Now = Settings.Now, Proofs = Proofs, Trust = Institutions, StatusListCredentials = statusLists, StatusRequiredIssuers = StatusRequired };

    /// <summary>
    /// The list <paramref name="id"/> for a credential issued by <paramref name="issuer"/>: the cached copy, or a copy the
    /// holder stapled (to a presentation, or beside the credential) only when it is signed by the same issuer, newer than the
    /// cached copy and not expired (<see cref="StatusListCredential.Choose"/>). Fails closed: a list that is not signed by the
    /// credential's issuer is never used, and an expired copy reaches the status step, which says "cannot tell".
    /// </summary>
    public StatusListCopy StatusList(string id, string issuer, JsonObject? stapled)
    {
        var key = (id, issuer, stapled);
        lock (_lists)
        {
            // Under the lock so that files verified in parallel check each list once.
            if (!_lists.TryGetValue(key, out var copy))
            {
                _lists[key] = copy = Choose(id, issuer, stapled);
            }
            return copy;
        }
    }

    private StatusListCopy Choose(string id, string issuer, JsonObject? stapled)
    {
        var cachedEntry = _cache.Find(id, out var missing);
        var cached = new StatusListCopy(null, missing);
        if (cachedEntry is not null)
        {
            var checkedCopy = Check(cachedEntry.Credential, id, issuer, $"the copy fetched from {cachedEntry.FetchedFrom} {Age(cachedEntry.FetchedAt)}");
            cached = checkedCopy with { AsOf = cachedEntry.FetchedAt };
        }
        if (stapled is null)
        {
            return cached;
        }
        var holders = Check(stapled, id, issuer, "the copy stapled to the presentation by the holder");
        holders = holders with { AsOf = holders.List?.ValidFrom };
        if (holders.List is null)
        {
            return cached with { Note = cached.Note + " " + holders.Note };
        }
        var chosen = StatusListCredential.Choose(cached.List, holders.List, Settings.Now);
        if (ReferenceEquals(chosen, holders.List))
        {
            return holders;
        }
        var why = holders.List.IsExpiredAt(Settings.Now)
            ? $"The copy the holder stapled expired on {holders.List.ValidUntil:yyyy-MM-dd HH:mm} UTC and was not used."
            : "The copy the holder stapled is not newer than the cached copy and was not used.";
        return cached with { Note = cached.Note + " " + why };
    }

    /// <summary>
    /// Checks that <paramref name="credential"/> is the status list credential <paramref name="id"/>, signed by
    /// <paramref name="issuer"/> with a key in the trust store (<see cref="StatusListCredential.TryVerify"/>).
    /// </summary>
    public StatusListCopy Check(JsonObject credential, string id, string issuer, string what)
    {
        var own = Institutions.Where(i => i.Dids.Contains(issuer, StringComparer.Ordinal)).ToList();
        return StatusListCredential.TryVerify(credential, id, issuer, Options(null) with { Trust = own }, out var list, out var reason)
            ? new(list, $"Checked against {what}.")
            : new(null, $"The status list {id} could not be used ({what}): {reason}");
    }

    private string Age(DateTimeOffset fetchedAt)
    {
        var age = Settings.WallClock - fetchedAt;
        var text = age < TimeSpan.FromHours(1) ? "less than an hour ago"
            : age < TimeSpan.FromHours(2) ? "1 hour ago"
            : age < TimeSpan.FromDays(2) ? $"{(int)age.TotalHours} hours ago"
            : $"{(int)age.TotalDays} days ago";
        return $"{text} ({fetchedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)";
    }
}
