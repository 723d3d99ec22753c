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
        string entityType, string entityId, Guid? institutionId, string stateHash)
    {
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

    public static string StateHash(string state) => Sha256Hex(state);

    /// <summary>
    /// The SHA-256 (hex) of the state an event records: every column of the row as <c>Name=value</c> (values as
    /// <see cref="Format"/> writes them), ordered by name and joined with line feeds; or of <c>deleted</c>. Hashed as it is
    /// formatted: a credential's bytes (100 KB for a transcript) are not turned into one large hex string, then a larger
    /// joined one, then UTF-8, on every save.
    /// </summary>
    public static string StateHashOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted)
        {
            return StateHash("deleted");
        }
        // The whole state is written once as UTF-8 into one pooled buffer and hashed in one call: a hash update per
        // property cost a native call each, a few hundred per transcript save.
        var state = new StateWriter();
        try
        {
            var first = true;
            foreach (var property in entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
            {
                if (IsOutsideState(entry.Metadata.ClrType.Name, property.Metadata.Name, property.CurrentValue))
                {
                    continue;
                }
                state.Write(first ? property.Metadata.Name + "=" : "\n" + property.Metadata.Name + "=");
                first = false;
                if (property.CurrentValue is byte[] bytes)
                {
                    state.WriteHex(bytes);
                }
                else
                {
                    state.Write(Format(property.CurrentValue));
                }
            }
            return Convert.ToHexStringLower(SHA256.HashData(state.Written));
        }
        finally
        {
            state.Dispose();
        }
    }

    // A growable UTF-8 buffer rented from the shared pool.
    private struct StateWriter : IDisposable
    {
        private byte[] _buffer;
        private int _length;

        public StateWriter() => _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);

        public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public void Write(string text) =>
            _length += Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));

        public void WriteHex(ReadOnlySpan<byte> bytes)
        {
            var target = Reserve(bytes.Length * 2);
            for (var i = 0; i < bytes.Length; i++)
            {
                target[2 * i] = (byte)"0123456789abcdef"[bytes[i] >> 4];
                target[(2 * i) + 1] = (byte)"0123456789abcdef"[bytes[i] & 0xF];
            }
            _length += bytes.Length * 2;
        }

        public readonly void Dispose() => System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);

        private Span<byte> Reserve(int size)
        {
            if (_length + size > _buffer.Length)
            {
                var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + size));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            return _buffer.AsSpan(_length);
        }
    }

    // Counters and claims the service writes in place (one UPDATE, no audit event): their changes are not the record's. A
    // batch learner's claim (which instance works it, until when) is coordination between instances, not a record.
    private static readonly HashSet<string> s_operational =
        ["ApiKey.LastUsedAt", "ShareLink.OpenCount", "BatchItem.LeasedBy", "BatchItem.LeaseExpiresAt"];

    // Columns added after rows were first hashed: they enter the state only once they hold a value, so every row written
    // before the column existed still matches the state its last event recorded.
    private static readonly HashSet<string> s_addedLater =
    [
        "ApiKey.ExpiresAt", "Assessment.UpdatedByKeyId", "Assessment.UpdatedAt", "Assessment.UpdateReason",
        "ShareLink.CreatedReason", "ShareLink.MaxOpens", "Credential.PageTakenDownAt",
    ];

    public static bool IsOutsideState(string entity, string property, object? value)
    {
        var name = entity + "." + property;
        return s_operational.Contains(name) || (value is null or 0 && s_addedLater.Contains(name));
    }

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
