using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data;

/// <summary>
/// The keyed, per-institution chains: each new audit event and disclosure of an institution gets the next
/// <c>ChainSequence</c>, the MAC of the link before, and its own MAC under the <see cref="AuditKey"/>. Called inside the
/// save's audit lock, so links are never claimed twice in this process (the unique index stops a second process).
/// </summary>
internal sealed class AuditLinks(AuditKey key, IReadOnlyDictionary<AuditLinks.Chain, AuditLinks.Head> heads)
{
    public const string EventKind = "audit";
    public const string DisclosureKind = "disclosure";

    /// <summary>One keyed chain: an institution's audit events, or its disclosures (a null institution: the service's own events).</summary>
    public readonly record struct Chain(string Kind, Guid? InstitutionId);

    /// <summary>A chain's last link: its sequence and MAC (0 and the genesis value for an empty chain).</summary>
    public readonly record struct Head(long Sequence, string Mac);

    private readonly Dictionary<Chain, Head> _last = new(heads);

    public static string DisclosureContent(Disclosure d) => string.Join('\n', d.Id.ToString("D"), d.InstitutionId.ToString("D"),
        d.LearnerId.ToString("D"), d.ApiKeyId.ToString("D"), d.Role, d.Record, d.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public void Link(AuditEvent e)
    {
        var chain = new Chain(EventKind, e.InstitutionId);
        var last = _last[chain];
        e.ChainSequence = last.Sequence + 1;
        e.PreviousMac = last.Mac;
        e.Mac = key.Mac(EventKind, last.Sequence + 1, last.Mac, e.Hash);
        _last[chain] = new Head(last.Sequence + 1, e.Mac);
    }

    public void Link(Disclosure d)
    {
        d.At = AuditChain.Truncate(d.At);
        var chain = new Chain(DisclosureKind, d.InstitutionId);
        var last = _last[chain];
        d.ChainSequence = last.Sequence + 1;
        d.PreviousMac = last.Mac;
        d.Mac = key.Mac(DisclosureKind, last.Sequence + 1, last.Mac, DisclosureContent(d));
        _last[chain] = new Head(last.Sequence + 1, d.Mac);
    }

    /// <summary>A chain's last link, read through EF (what <see cref="TranscriptsDb"/> does where the lock and the reads are not one batch).</summary>
    public static async Task<Head> ReadLastAsync(TranscriptsDb db, Chain chain, CancellationToken cancellationToken)
    {
        var found = chain.Kind == EventKind
            ? await db.AuditEvents.AsNoTracking().Where(a => a.InstitutionId == chain.InstitutionId && a.ChainSequence != null)
                .OrderByDescending(a => a.ChainSequence).Select(a => new { Sequence = a.ChainSequence!.Value, Mac = a.Mac! }).FirstOrDefaultAsync(cancellationToken)
            : await db.Disclosures.AsNoTracking().Where(a => a.InstitutionId == chain.InstitutionId && a.ChainSequence != null)
                .OrderByDescending(a => a.ChainSequence).Select(a => new { Sequence = a.ChainSequence!.Value, Mac = a.Mac! }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? new Head(0, AuditChain.Genesis) : new Head(found.Sequence, found.Mac);
    }
}
