using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Audit;

/// <summary>
/// Checks one institution's audit trail and never reads out another's: its keyed chain of audit events (each link's MAC under
/// the audit key, recomputed from the event's fields, and each link's place and predecessor), its keyed chain of disclosures,
/// every row of its records against the state its latest event recorded, and, when a head was published, that the chains still
/// reach that head with the same MACs (so removing the tail, or rewriting it with a stolen database but no key, is detected).
/// Events from before the keyed chain began (epoch 0, see docs/privacy.md) are checked against their own hashes only.
/// </summary>
internal static class InstitutionAuditCheck
{
    public sealed record Response(bool IsIntact, long EventsChecked, long LegacyEvents, long DisclosuresChecked, long? FirstBrokenSequence,
        Guid? FirstBrokenEventId, string? Reason, DateTimeOffset? PublishedHeadAt);

    public static async Task<Response> CheckAsync(TranscriptsDb db, AuditKey key, Guid institutionId, AuditHead? published,
        CancellationToken cancellationToken)
    {
        if (!key.IsConfigured)
        {
            return new Response(false, 0, 0, 0, null, null, "no audit key is configured (Audit:MacKey or the key-encryption key), so the chain cannot be checked", null);
        }
        long keyed = 0, legacy = 0;
        var previous = AuditChain.Genesis;
        var latest = new Dictionary<(string Type, string Id), (long Sequence, Guid EventId, string StateHash)>();
        Response Broken(long sequence, Guid id, string reason) => new(false, keyed + legacy, legacy, 0, sequence, id, reason, published?.PublishedAt);
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.InstitutionId == institutionId).OrderBy(e => e.Sequence)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!string.Equals(AuditChain.HashOf(e), e.Hash, StringComparison.Ordinal))
            {
                return Broken(e.Sequence, e.Id, "its contents do not match its hash: the event was changed");
            }
            if (e.ChainSequence is null)
            {
                if (keyed > 0)
                {
                    return Broken(e.Sequence, e.Id, "an unkeyed event after the keyed chain began: it was written behind the service's back");
                }
                legacy++;
            }
            else if (e.ChainSequence != keyed + 1)
            {
                return Broken(e.Sequence, e.Id, $"expected link {keyed + 1} of the institution's chain but found {e.ChainSequence}: events are missing");
            }
            else if (!string.Equals(e.PreviousMac, previous, StringComparison.Ordinal)
                     || !string.Equals(e.Mac, key.Mac(AuditLinks.EventKind, keyed + 1, previous, e.Hash), StringComparison.Ordinal))
            {
                return Broken(e.Sequence, e.Id, "its MAC does not verify under the audit key: the event was changed or made without the key");
            }
            else
            {
                keyed++;
                previous = e.Mac!;
            }
            latest[(e.EntityType, e.EntityId)] = (e.Sequence, e.Id, e.StateHash);
        }
        if (published is not null && (published.AuditSequence > keyed || (published.AuditSequence > 0 && published.AuditMac != await MacAtAsync(db, institutionId, published.AuditSequence, cancellationToken))))
        {
            return Broken(published.AuditSequence, Guid.Empty, $"the chain no longer reaches the head published at {published.PublishedAt:u} (link {published.AuditSequence}): events were removed or rewritten");
        }
        long disclosures = 0;
        var previousDisclosure = AuditChain.Genesis;
        await foreach (var d in db.Disclosures.AsNoTracking().Where(d => d.InstitutionId == institutionId && d.ChainSequence != null)
                           .OrderBy(d => d.ChainSequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (d.ChainSequence != disclosures + 1 || !string.Equals(d.PreviousMac, previousDisclosure, StringComparison.Ordinal)
                || !string.Equals(d.Mac, key.Mac(AuditLinks.DisclosureKind, disclosures + 1, previousDisclosure, AuditLinks.DisclosureContent(d)), StringComparison.Ordinal))
            {
                return Broken(d.ChainSequence ?? 0, d.Id, $"disclosure {d.ChainSequence} does not continue the disclosure chain: a disclosure was removed or changed");
            }
            disclosures++;
            previousDisclosure = d.Mac!;
        }
        if (published is not null && published.DisclosureSequence > disclosures)
        {
            return Broken(published.DisclosureSequence, Guid.Empty, $"the disclosure chain no longer reaches the head published at {published.PublishedAt:u}: disclosures were removed");
        }
        var mismatch = await AuditStateCheck.FirstMismatchAsync(db, latest, cancellationToken, institutionId);
        return mismatch is null
            ? new Response(true, keyed + legacy, legacy, disclosures, null, null, null, published?.PublishedAt)
            : new Response(false, keyed + legacy, legacy, disclosures, mismatch.Sequence, mismatch.EventId, mismatch.Reason, published?.PublishedAt);
    }

    private static Task<string?> MacAtAsync(TranscriptsDb db, Guid institutionId, long chainSequence, CancellationToken cancellationToken) =>
        db.AuditEvents.AsNoTracking().Where(e => e.InstitutionId == institutionId && e.ChainSequence == chainSequence)
            .Select(e => e.Mac).FirstOrDefaultAsync(cancellationToken);
}
