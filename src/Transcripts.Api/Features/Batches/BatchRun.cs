using Transcripts.Api.Data;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Features.Batches;

/// <summary>What one batch run shares between its planner, signing threads and writer.</summary>
internal sealed class BatchRun(Guid institutionId, string instance, IssuanceTimes? times) : IDisposable
{
    /// <summary>The instance this run claims learners for (<see cref="Infrastructure.ServiceInstance"/>).</summary>
    public string Instance { get; } = instance;

    private readonly Lock _lock = new();
    private readonly List<IssuerSigner> _signers = [];

    public Guid InstitutionId { get; } = institutionId;
    public LearnerFactsReader Facts { get; } = new(institutionId);
    public StatusListAllocator Allocator { get; } = new(institutionId);
    public IssuanceTimes? Times { get; } = times;

    /// <summary>The claims this run holds and renews; a learner it no longer holds is neither planned nor signed.</summary>
    public BatchLeases? Leases { get; init; }

    /// <summary>
    /// The institution's active key, opened; or null and the reason. A first key created here on first use is saved at
    /// once, before anything is signed with it. A <paramref name="isShared"/> signer (a chunk's) is disposed by
    /// <see cref="RetireBefore"/> or with the run; any other by the caller.
    /// </summary>
    public async Task<(IssuerSigner? Signer, string? Problem)> OpenSignerAsync(IServiceProvider services, TranscriptsDb db, bool isShared,
        CancellationToken cancellationToken)
    {
        var (signer, problem) = await services.GetRequiredService<SigningKeyService>()
            .OpenSignerAsync(db, InstitutionId, services.GetRequiredService<TimeProvider>(), cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        if (signer is not null && isShared)
        {
            lock (_lock)
            {
                _signers.Add(signer);
            }
        }
        return (signer, problem?.Reason());
    }

    /// <summary>Disposes the shared signers opened before <paramref name="inUse"/>: learners are saved in order, so none is used again.</summary>
    public void RetireBefore(IssuerSigner inUse)
    {
        lock (_lock)
        {
            var index = _signers.IndexOf(inUse);
            foreach (var signer in _signers.Take(Math.Max(index, 0)))
            {
                signer.Dispose();
            }
            _signers.RemoveRange(0, Math.Max(index, 0));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _signers.ForEach(s => s.Dispose());
            _signers.Clear();
        }
        Allocator.Dispose();
    }
}
