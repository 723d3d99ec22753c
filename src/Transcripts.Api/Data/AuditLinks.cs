using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data;

/// <summary>
/// The keyed, per-institution chains: each new audit event and disclosure of an institution gets the next
/// <c>ChainSequence</c>, the MAC of the link before, and its own MAC under the <see cref="AuditKey"/>. Called inside the
/// save's audit lock, so links are never claimed twice in this process (the unique index stops a second process).
/// </summary>
internal sealed class AuditLinks(TranscriptsDb db, AuditKey key)
{
    public const string EventKind = "audit";
    public const string DisclosureKind = "disclosure";

    private readonly Dictionary<(string, Guid?), (long Sequence, string Mac)> _last = [];

    public static string DisclosureContent(Disclosure d) => string.Join('\n', d.Id.ToString("D"), d.InstitutionId.ToString("D"),
        d.LearnerId.ToString("D"), d.ApiKeyId.ToString("D"), d.Role, d.Record, d.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public async Task LinkAsync(AuditEvent e, CancellationToken cancellationToken)
    {
        var (sequence, previous) = await LastAsync(EventKind, e.InstitutionId, cancellationToken);
        e.ChainSequence = sequence + 1;
        e.PreviousMac = previous;
        e.Mac = key.Mac(EventKind, sequence + 1, previous, e.Hash);
        _last[(EventKind, e.InstitutionId)] = (sequence + 1, e.Mac);
    }

    public async Task LinkAsync(Disclosure d, CancellationToken cancellationToken)
    {
        d.At = AuditChain.Truncate(d.At);
        var (sequence, previous) = await LastAsync(DisclosureKind, d.InstitutionId, cancellationToken);
        d.ChainSequence = sequence + 1;
        d.PreviousMac = previous;
        d.Mac = key.Mac(DisclosureKind, sequence + 1, previous, DisclosureContent(d));
        _last[(DisclosureKind, d.InstitutionId)] = (sequence + 1, d.Mac);
    }

    private async Task<(long, string)> LastAsync(string kind, Guid? institutionId, CancellationToken cancellationToken)
    {
        if (_last.TryGetValue((kind, institutionId), out var last))
        {
            return last;
        }
        var found = kind == EventKind
            ? await db.AuditEvents.AsNoTracking().Where(a => a.InstitutionId == institutionId && a.ChainSequence != null)
                .OrderByDescending(a => a.ChainSequence).Select(a => new { Sequence = a.ChainSequence!.Value, Mac = a.Mac! }).FirstOrDefaultAsync(cancellationToken)
            : await db.Disclosures.AsNoTracking().Where(a => a.InstitutionId == institutionId && a.ChainSequence != null)
                .OrderByDescending(a => a.ChainSequence).Select(a => new { Sequence = a.ChainSequence!.Value, Mac = a.Mac! }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? (0, AuditChain.Genesis) : (found.Sequence, found.Mac);
    }
}
