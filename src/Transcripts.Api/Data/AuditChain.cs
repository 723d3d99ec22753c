using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Data;

/// <summary>The hash chain of <see cref="AuditEvent"/>s: how a link is made and how it is checked.</summary>
internal static class AuditChain
{
    /// <summary>The previous hash of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Both providers keep milliseconds exactly; finer ticks would change the hash on a round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    public static AuditEvent Link(long sequence, string previousHash, DateTimeOffset at, string actor, string action,
        string entityType, string entityId, Guid? institutionId, string state)
    {
        var stateHash = Sha256Hex(state);
        var auditEvent = new AuditEvent
        {
            Sequence = sequence, PreviousHash = previousHash, At = at, Actor = actor, Action = action,
            EntityType = entityType, EntityId = entityId, InstitutionId = institutionId, StateHash = stateHash, Hash = "",
        };
        auditEvent.Hash = HashOf(auditEvent);
        return auditEvent;
    }

    public static string HashOf(AuditEvent e) => Sha256Hex(string.Join('\n',
        e.Sequence.ToString(CultureInfo.InvariantCulture), e.PreviousHash,
        e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        e.InstitutionId?.ToString() ?? "", e.Actor, e.Action, e.EntityType, e.EntityId, e.StateHash));

    /// <summary>Why <paramref name="e"/> does not continue the chain from <paramref name="previousHash"/>, or null when it does.</summary>
    public static AuditBreak? FindFirstBreak(AuditEvent e, long expectedSequence, string previousHash)
    {
        if (e.Sequence != expectedSequence)
        {
            return new AuditBreak(e.Sequence, e.Id, $"expected event {expectedSequence} but found {e.Sequence}: events are missing");
        }
        if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditBreak(e.Sequence, e.Id, "its previous-hash does not match the event before it");
        }
        return string.Equals(HashOf(e), e.Hash, StringComparison.Ordinal)
            ? null
            : new AuditBreak(e.Sequence, e.Id, "its contents do not match its hash: the event was changed");
    }

    /// <summary>The state an event hashes: every column of the row, by name, or "deleted".</summary>
    public static string StateOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted
            ? "deleted"
            : string.Join('\n', entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
                .Select(p => p.Metadata.Name + "=" + Format(p.CurrentValue)));

    public static string StateHash(string state) => Sha256Hex(state);

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset d => d.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexStringLower(b),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

internal sealed record AuditBreak(long Sequence, Guid EventId, string Reason);
