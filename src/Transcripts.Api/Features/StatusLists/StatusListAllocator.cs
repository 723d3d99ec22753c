using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;

namespace Transcripts.Api.Features.StatusLists;

/// <summary>
/// Revocation-list indexes for many credentials (a batch), drawn at random from a cryptographic source against an
/// in-memory copy of the list's taken indexes: the list is read once, not queried once per draw. An index stays reserved
/// from its draw until it is committed or <see cref="ReleaseAsync"/>d, so learners signed ahead of their save never share
/// one. Another request (which checks the database, not this copy) may still take a reserved index: the unique index on
/// (list, index) then stops whichever save comes second, and <see cref="RefreshAsync"/> reads what the database has taken
/// before the retry draws again. When that happens on a list with less than a quarter of its entries free, this
/// allocator leaves the list for a new one (<see cref="Crowded"/>): other instances' reservations, which no database read
/// shows, would otherwise fill most of the few free entries, and every retry would collide again. Nothing here writes
/// <c>Allocated</c>: the save that stores a credential counts it. Safe to use from several tasks.
/// </summary>
internal sealed class StatusListAllocator(Guid institutionId) : IDisposable
{
    // Below this share of free entries, drawing until a free one turns up gets slow; pick the r-th free entry instead.
    private const int Attempts = 64;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<Guid> _exhausted = [];
    private Guid _listId;
    private bool[] _taken = [];
    private int _takenCount;
    private bool _leaving;

    /// <summary>Whether a list is too full to keep drawing from once a save collided on it.</summary>
    public static bool Crowded(int length, int taken) => length - taken < length / 4;

    /// <summary>
    /// <paramref name="count"/> unused indexes, moving to the next list (created, signed and saved here when there is
    /// none) when the current one is full. <paramref name="lists"/> must work on <paramref name="db"/>, which must have no
    /// other pending changes.
    /// </summary>
    public async Task<IReadOnlyList<(Guid ListId, int Index)>> ReserveAsync(TranscriptsDb db, StatusListService lists, IssuerSigner signer,
        int count, CancellationToken cancellationToken)
    {
        var reserved = new List<(Guid, int)>(count);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (reserved.Count < count)
            {
                if (_leaving || _takenCount >= _taken.Length)
                {
                    await NextListAsync(db, lists, signer, cancellationToken);
                    continue;
                }
                var index = Draw();
                _taken[index] = true;
                _takenCount++;
                reserved.Add((_listId, index));
            }
            return reserved;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Returns indexes whose credentials were not saved (their learner was re-planned or failed).</summary>
    public async Task ReleaseAsync(IEnumerable<(Guid ListId, int Index)> indexes, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var (listId, index) in indexes)
            {
                if (listId == _listId && _taken[index])
                {
                    _taken[index] = false;
                    _takenCount--;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// After a save collided: adds what the database has taken meanwhile (another request's credentials); reservations stay.
    /// A crowded list is left: the next reservation moves to another.
    /// </summary>
    public async Task RefreshAsync(TranscriptsDb db, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_taken.Length > 0)
            {
                await MarkTakenAsync(db, cancellationToken);
                _leaving = Crowded(_taken.Length, _takenCount);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private int Draw()
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var index = RandomNumberGenerator.GetInt32(_taken.Length);
            if (!_taken[index])
            {
                return index;
            }
        }
        // Uniform over the free entries, like a successful draw above.
        var skip = RandomNumberGenerator.GetInt32(_taken.Length - _takenCount);
        for (var index = 0; ; index++)
        {
            if (!_taken[index] && skip-- == 0)
            {
                return index;
            }
        }
    }

    private async Task NextListAsync(TranscriptsDb db, StatusListService lists, IssuerSigner signer, CancellationToken cancellationToken)
    {
        if (_taken.Length > 0)
        {
            _exhausted.Add(_listId);
        }
        var exhausted = _exhausted.ToList();
        var list = await db.StatusLists.AsNoTracking()
            .Where(l => l.InstitutionId == institutionId && l.Purpose == StatusListService.Revocation && l.Allocated < l.Length && !exhausted.Contains(l.Id))
            .OrderBy(l => l.Id).Select(l => new { l.Id, l.Length }).FirstOrDefaultAsync(cancellationToken);
        if (list is null)
        {
            // Saved at once, in its own transaction: the learners whose credentials use it are saved later, one by one.
            var created = lists.Create(signer, StatusListService.Revocation);
            await db.SaveChangesAsync(cancellationToken);
            list = new { created.Id, created.Length };
        }
        _listId = list.Id;
        _taken = new bool[list.Length];
        _takenCount = 0;
        _leaving = false;
        await MarkTakenAsync(db, cancellationToken);
    }

    private async Task MarkTakenAsync(TranscriptsDb db, CancellationToken cancellationToken)
    {
        var listId = _listId;
        await foreach (var index in db.Credentials.AsNoTracking().Where(c => c.RevocationListId == listId).Select(c => c.RevocationIndex)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!_taken[index])
            {
                _taken[index] = true;
                _takenCount++;
            }
        }
    }

    public void Dispose() => _gate.Dispose();
}
