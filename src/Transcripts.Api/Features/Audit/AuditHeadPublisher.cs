using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Audit;

/// <summary>
/// Every <see cref="AuditOptions.PublishInterval"/>, signs and writes the head of each institution's chains (for institutions
/// with an active signing key) when it moved since the last published head. Copy the folder elsewhere (backup, another
/// machine): a check then compares the database with the last head it can still read. When several instances share one
/// database, only the one that leads the job (<see cref="ClusterLeadership"/>) publishes.
/// </summary>
internal sealed partial class AuditHeadPublisher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options,
    IOptions<StorageOptions> storage, ClusterLeadership leadership, ILogger<AuditHeadPublisher> logger) : BackgroundService
{
    /// <summary>The job's name in <see cref="ClusterLeadership"/>.</summary>
    public const string Job = "audit-head";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A delay started after each pass, not a periodic timer: a clock that jumps ahead by a year gives one publication,
        // not one for every interval it skipped.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PublishInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (await leadership.LeadsAsync(Job, stoppingToken))
                {
                    await PublishAllAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is DbUpdateException or IOException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>Publishes each institution's head that changed; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> PublishAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        var keys = scope.ServiceProvider.GetRequiredService<SigningKeyService>();
        var institutions = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredAt == null && k.RevokedAt == null)
            .Select(k => k.InstitutionId).Distinct().ToListAsync(cancellationToken);
        var written = new List<string>();
        foreach (var institutionId in institutions)
        {
            if (await PublishAsync(db, keys, institutionId, onlyIfMoved: true, cancellationToken) is { Path: { } path })
            {
                written.Add(path);
            }
        }
        return written;
    }

    /// <summary>Signs the institution's current head and writes it (unless unchanged and <paramref name="onlyIfMoved"/>).</summary>
    public async Task<(System.Text.Json.Nodes.JsonObject? Document, string? Path, SignerUnavailable? Unavailable)> PublishAsync(
        TranscriptsDb db, SigningKeyService keys, Guid institutionId, bool onlyIfMoved, CancellationToken cancellationToken)
    {
        var head = await AuditHead.CurrentAsync(db, institutionId, clock.GetUtcNow(), cancellationToken);
        var last = AuditHead.LatestPublished(storage.Value.DataDirectory, institutionId);
        if (onlyIfMoved && last is not null && last.AuditSequence == head.AuditSequence && last.DisclosureSequence == head.DisclosureSequence)
        {
            return (null, null, null);
        }
        var (signer, problem) = await keys.OpenSignerAsync(db, institutionId, clock, cancellationToken);
        if (signer is null)
        {
            return (null, null, problem);
        }
        using (signer)
        {
            // A first signing key made just now is saved (and audited) before the head is taken, so the head includes it.
            await db.SaveChangesAsync(cancellationToken);
            head = await AuditHead.CurrentAsync(db, institutionId, clock.GetUtcNow(), cancellationToken);
            var document = head.Sign(signer);
            var path = head.Write(storage.Value.DataDirectory, document);
            LogPublished(logger, institutionId, head.AuditSequence, head.DisclosureSequence);
            return (document, path, null);
        }
    }

    [LoggerMessage(LogEvents.AuditHeadPublished, LogLevel.Information, "Audit head of institution {InstitutionId} published: event link {AuditSequence}, disclosure link {DisclosureSequence}")]
    private static partial void LogPublished(ILogger logger, Guid institutionId, long auditSequence, long disclosureSequence);

    [LoggerMessage(LogEvents.AuditHeadPublishFailed, LogLevel.Warning, "Publishing the audit heads failed; the next tick tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
