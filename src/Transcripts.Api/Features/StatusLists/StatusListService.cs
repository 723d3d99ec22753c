using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Signing.StatusLists;

namespace Transcripts.Api.Features.StatusLists;

/// <summary>
/// An institution's revocation and suspension lists (Bitstring Status List v1.0): indexes drawn at random from a
/// cryptographic source, a new list when one is full, and a re-signed list credential whenever a bit changes. Every
/// signed list is valid for <see cref="StatusListOptions.ValidFor"/> only (<c>validUntil</c>); <see cref="StatusListResigner"/>
/// signs each again before then.
/// </summary>
internal sealed class StatusListService(TranscriptsDb db, IOptions<StatusListOptions> options, ILogger<StatusListService> logger)
    : ISignedWithActiveKey
{
    public const string Revocation = "revocation";
    public const string Suspension = "suspension";
    public const int ListLength = BitstringStatusList.MinimumBits;

    /// <summary>A random unused index in the institution's current list of <paramref name="purpose"/> (tracked; saved by the caller).</summary>
    public async Task<(StatusList List, int Index)> AllocateAsync(IssuerSigner signer, string purpose, CancellationToken cancellationToken)
    {
        var institutionId = signer.Identity.Institution.Id;
        var list = db.StatusLists.Local.FirstOrDefault(l => l.InstitutionId == institutionId && l.Purpose == purpose && l.Allocated < l.Length)
            ?? await db.StatusLists.Where(l => l.InstitutionId == institutionId && l.Purpose == purpose && l.Allocated < l.Length)
                .OrderBy(l => l.Id).FirstOrDefaultAsync(cancellationToken);
        list ??= Create(signer, purpose);
        while (true)
        {
            var index = RandomNumberGenerator.GetInt32(list.Length);
            var taken = purpose == Revocation
                ? db.Credentials.Local.Any(c => c.RevocationListId == list.Id && c.RevocationIndex == index)
                  || await db.Credentials.AnyAsync(c => c.RevocationListId == list.Id && c.RevocationIndex == index, cancellationToken)
                : db.Credentials.Local.Any(c => c.SuspensionListId == list.Id && c.SuspensionIndex == index)
                  || await db.Credentials.AnyAsync(c => c.SuspensionListId == list.Id && c.SuspensionIndex == index, cancellationToken);
            if (!taken)
            {
                list.Allocated++;
                return (list, index);
            }
        }
    }

    /// <summary>A new, empty and signed list of <paramref name="purpose"/> for the signer's institution (tracked; saved by the caller).</summary>
    public StatusList Create(IssuerSigner signer, string purpose)
    {
        var list = new StatusList
        {
            InstitutionId = signer.Identity.Institution.Id, Purpose = purpose, Length = ListLength,
            EncodedList = new BitstringStatusList(ListLength).Encode(), Bytes = [],
        };
        Sign(list, signer);
        db.StatusLists.Add(list);
        Log.ListCreated(logger, list.Id, purpose, list.InstitutionId);
        return list;
    }

    /// <summary>Sets or clears one bit and re-signs the list (tracked; saved by the caller, whose save checks the list's version).</summary>
    public async Task SetAsync(Guid listId, int index, bool value, IssuerSigner signer, CancellationToken cancellationToken)
    {
        var list = await db.StatusLists.SingleAsync(l => l.Id == listId, cancellationToken);
        var bits = BitstringStatusList.Decode(list.EncodedList);
        bits.Set(index, value);
        list.EncodedList = bits.Encode();
        Sign(list, signer);
        Log.BitChanged(logger, list.Id, index, value);
    }

    /// <summary>Re-signs every list of the institution (after a key rotation or revocation).</summary>
    public async Task ResignAllAsync(IssuerSigner signer, CancellationToken cancellationToken)
    {
        foreach (var list in await db.StatusLists.Where(l => l.InstitutionId == signer.Identity.Institution.Id).ToListAsync(cancellationToken))
        {
            Sign(list, signer);
        }
    }

    /// <summary>Re-signs the lists <paramref name="listIds"/> of the signer's institution (tracked; saved by the caller); returns how many.</summary>
    public async Task<int> ResignAsync(IssuerSigner signer, IReadOnlyList<Guid> listIds, CancellationToken cancellationToken)
    {
        var lists = await db.StatusLists.Where(l => l.InstitutionId == signer.Identity.Institution.Id && listIds.Contains(l.Id)).ToListAsync(cancellationToken);
        foreach (var list in lists)
        {
            Sign(list, signer);
        }
        return lists.Count;
    }

    private void Sign(StatusList list, IssuerSigner signer)
    {
        var unsigned = BitstringStatusList.Decode(list.EncodedList)
            .CreateCredential(signer.Identity.StatusListUrl(list.Id), signer.Identity.Did, list.Purpose, signer.Now, signer.Now + options.Value.ValidFor);
        list.Bytes = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(unsigned));
        list.UpdatedAt = signer.Now;
    }
}
