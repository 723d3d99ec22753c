using System.Data.Common;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Batches;

/// <summary>
/// The claims one batch run holds, kept alive while it works them. Every third of <see cref="BatchOptions.LeaseDuration"/>
/// of the service clock (which also judges when a claim lapses) it extends the claims on every learner it holds that is still
/// pending (<see cref="BatchClaims.RenewAsync"/>), so a chunk that takes longer than one lease is not taken over by another
/// instance and worked twice. A learner whose claim another instance took meanwhile (this one stalled, or could not reach the
/// database for a whole lease) is no longer held: the run does not plan or sign it, and its writer, which checks the claim
/// again under the write turn, does not save it. A renewal that fails is logged and tried again at the next third.
/// </summary>
internal sealed class BatchLeases : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly Guid _batchId;
    private readonly string _instance;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task>? _beforeRenewal;
    private readonly Lock _lock = new();
    private readonly HashSet<Guid> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    /// <param name="beforeRenewal">A test seam run before each renewal; what it throws fails that renewal.</param>
    public BatchLeases(IServiceScopeFactory scopes, Guid batchId, string instance, TimeSpan duration, TimeProvider clock, ILogger logger,
        Func<CancellationToken, Task>? beforeRenewal = null)
    {
        (_scopes, _batchId, _instance, _duration, _clock, _logger, _beforeRenewal) = (scopes, batchId, instance, duration, clock, logger, beforeRenewal);
        var start = clock.GetUtcNow();
        _renewing = Task.Run(() => RenewAsync(start, _stop.Token));
    }

    /// <summary>How often the claims are renewed: a third of the lease, so one failed renewal still leaves time for the next.</summary>
    public TimeSpan Interval => _duration / 3;

    /// <summary>Records learners just claimed (<see cref="BatchClaims.ClaimAsync"/>) as held, and so renewed from now on.</summary>
    public void Hold(IEnumerable<Guid> itemIds)
    {
        lock (_lock)
        {
            _held.UnionWith(itemIds);
        }
    }

    /// <summary>Whether this run still holds the learner's claim, as far as its last renewal knows: if not, leave the learner alone.</summary>
    public bool Holds(Guid itemId)
    {
        lock (_lock)
        {
            return _held.Contains(itemId);
        }
    }

    private async Task RenewAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        // On a fixed schedule from the start, so a late renewal does not push the later ones back.
        for (var due = start + Interval; ; due += Interval)
        {
            var wait = due - _clock.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _clock, cancellationToken);
                }
                await RenewOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException e)
            {
                Log.LeaseRenewalFailed(_logger, e, _batchId);
            }
        }
    }

    private async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> before;
        lock (_lock)
        {
            before = [.. _held];
        }
        if (before.Count == 0)
        {
            return;
        }
        if (_beforeRenewal is { } seam)
        {
            await seam(cancellationToken);
        }
        await using var scope = _scopes.CreateAsyncScope();
        var now = _clock.GetUtcNow();
        var renewed = (await BatchClaims.RenewAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), _batchId, _instance, now + _duration,
            cancellationToken)).ToHashSet();
        // Learners held before this renewal and not renewed by it were saved since, or taken over by another instance. Those
        // claimed while it ran stay held until the next one.
        var lost = 0;
        lock (_lock)
        {
            foreach (var id in before.Where(id => !renewed.Contains(id)))
            {
                _held.Remove(id);
                lost++;
            }
        }
        var taken = lost == 0 ? 0 : await BatchClaims.TakenOverAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), _batchId, _instance,
            before.Where(id => !renewed.Contains(id)).ToList(), cancellationToken);
        if (taken > 0)
        {
            Log.LeaseLost(_logger, _batchId, taken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
