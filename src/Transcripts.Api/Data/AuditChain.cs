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

    /// <summary>The state an event hashes: every column of the row, by name, or "deleted".</summary>
    public static string StateOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted
            ? "deleted"
            : string.Join('\n', entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
                .Select(p => p.Metadata.Name + "=" + Format(p.CurrentValue)));

    public static string StateHash(string state) => Sha256Hex(state);

    /// <summary>
    /// <c>StateHash(StateOf(entry))</c>, hashed as it is formatted: a credential's bytes (100 KB for a transcript) are not
    /// turned into one large hex string, then a larger joined one, then UTF-8, on every save.
    /// </summary>
    public static string StateHashOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Deleted)
        {
            return StateHash("deleted");
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var first = true;
        foreach (var property in entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal))
        {
            Append(hash, first ? property.Metadata.Name + "=" : "\n" + property.Metadata.Name + "=");
            first = false;
            if (property.CurrentValue is byte[] bytes)
            {
                AppendHex(hash, bytes);
            }
            else
            {
                Append(hash, Format(property.CurrentValue));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        hash.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
    }

    private static void AppendHex(IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        const int Chunk = 2048;
        Span<char> chars = stackalloc char[Chunk * 2];
        Span<byte> utf8 = stackalloc byte[Chunk * 2];
        for (var offset = 0; offset < bytes.Length; offset += Chunk)
        {
            var part = bytes.Slice(offset, Math.Min(Chunk, bytes.Length - offset));
            Convert.TryToHexStringLower(part, chars, out var written);
            hash.AppendData(utf8[..Encoding.ASCII.GetBytes(chars[..written], utf8)]);
        }
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

internal sealed record AuditBreak(long Sequence, Guid EventId, string Reason);
