using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Audit;

/// <summary>Compares every audited row with the state hash of its latest audit event.</summary>
internal static class AuditStateCheck
{
    public static async Task<AuditBreak?> FirstMismatchAsync(TranscriptsDb db,
        Dictionary<(string Type, string Id), (long Sequence, Guid EventId, string StateHash)> latest, CancellationToken cancellationToken,
        Guid? institutionId = null)
    {
        var breaks = new List<AuditBreak>();
        var seen = new HashSet<(string, string)>();
        async Task CheckAsync<T>(IQueryable<T> rows) where T : class
        {
            await foreach (var row in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var entry = db.Entry(row);
                var key = (typeof(T).Name, Convert.ToString(entry.Property("Id").CurrentValue, CultureInfo.InvariantCulture)!);
                if (institutionId is { } only && !latest.ContainsKey(key)
                    && !(entry.Metadata.FindProperty("InstitutionId") is not null && entry.Property("InstitutionId").CurrentValue as Guid? == only))
                {
                    continue;   // another institution's row: neither checked nor named here
                }
                seen.Add(key);
                if (!latest.TryGetValue(key, out var last))
                {
                    breaks.Add(new AuditBreak(long.MaxValue, Guid.Empty, $"{key.Item1} {key.Item2} has no audit event: it was written behind the service's back"));
                }
                else if (!string.Equals(AuditChain.StateHashOf(entry), last.StateHash, StringComparison.Ordinal))
                {
                    breaks.Add(new AuditBreak(last.Sequence, last.EventId, $"{key.Item1} {key.Item2} no longer matches the state this event recorded: the row was changed"));
                }
            }
        }
        await CheckAsync(db.Institutions);
        await CheckAsync(db.ApiKeys);
        await CheckAsync(db.Frameworks);
        await CheckAsync(db.Competencies);
        await CheckAsync(db.MasteryRules);
        await CheckAsync(db.Scales);
        await CheckAsync(db.Levels);
        await CheckAsync(db.Learners);
        await CheckAsync(db.LearnerIdentifiers);
        await CheckAsync(db.LearnerGoals);
        await CheckAsync(db.Evidence);
        await CheckAsync(db.Assessments);
        await CheckAsync(db.Attainments);
        await CheckAsync(db.SigningKeys);
        await CheckAsync(db.IssuerSettings);
        await CheckAsync(db.StatusLists);
        await CheckAsync(db.Credentials);
        await CheckAsync(db.ShareLinks);
        await CheckAsync(db.Batches);
        await CheckAsync(db.BatchItems);
        // People who sign in to the pages, and their invitations, are audited rows like any other.
        await CheckAsync(db.Users);
        await CheckAsync(db.Invitations);
        foreach (var (key, last) in latest)
        {
            if (!seen.Contains(key) && last.StateHash != AuditChain.StateHash("deleted"))
            {
                breaks.Add(new AuditBreak(last.Sequence, last.EventId, $"{key.Type} {key.Id} is missing although no event deleted it"));
            }
        }
        return breaks.MinBy(b => b.Sequence);
    }
}
