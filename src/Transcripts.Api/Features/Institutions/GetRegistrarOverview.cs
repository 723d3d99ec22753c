using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

/// <summary>
/// What a registrar looks at first: how many learners there are, how many attainments are in progress (assessed, not yet at
/// mastery: the ones a registrar may review and award), the batches still issuing with their progress, and the credentials
/// revoked or suspended most recently. Counts and credential ids only, no learner's name or record, so nothing is disclosed.
/// </summary>
internal static class GetRegistrarOverview
{
    public const int RecentCount = 10;

    public sealed record RunningBatch(Guid Id, DateTimeOffset CreatedAt, int Total, int Done);
    public sealed record StatusChange(Guid CredentialId, string Kind, Guid? LearnerId, DateTimeOffset IssuedAt, bool IsRevoked,
        DateTimeOffset? RevokedAt, string? Reason);
    public sealed record Response(int ActiveLearners, int ArchivedLearners, int InProgressAttainments,
        IReadOnlyList<RunningBatch> RunningBatches, IReadOnlyList<StatusChange> RecentlyRevoked, IReadOnlyList<StatusChange> Suspended);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/overview", Handle).WithName(nameof(GetRegistrarOverview))
            .WithSummary("Counts of learners and in-progress attainments, running batches, recently revoked and suspended credentials (registrar)")
            .RequireAuthorization(Policies.Registrar);

    internal static async Task<Ok<Response>> Handle(TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var institutionId = caller.InstitutionId;
        var learners = await db.Learners.Where(l => l.InstitutionId == institutionId)
            .GroupBy(l => l.IsArchived).Select(g => new { Archived = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var inProgress = await db.Attainments.CountAsync(a => a.InstitutionId == institutionId && a.Status == AttainmentStatus.InProgress, cancellationToken);
        var batches = await db.Batches.AsNoTracking().Where(b => b.InstitutionId == institutionId && b.FinishedAt == null).ToListAsync(cancellationToken);
        var batchIds = batches.Select(b => b.Id).ToList();
        var progress = await db.BatchItems.Where(i => batchIds.Contains(i.BatchId)).GroupBy(i => i.BatchId)
            .Select(g => new { Id = g.Key, Total = g.Count(), Done = g.Count(i => i.Status != BatchItemStatus.Pending) })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var revoked = await db.Credentials.AsNoTracking().Where(c => c.InstitutionId == institutionId && c.RevokedAt != null)
            .OrderByDescending(c => c.RevokedAt).ThenBy(c => c.Id).Take(RecentCount)
            .Select(c => new StatusChange(c.Id, c.Kind.ToString(), c.LearnerId, c.IssuedAt, true, c.RevokedAt, c.RevocationReason))
            .ToListAsync(cancellationToken);
        var suspended = await db.Credentials.AsNoTracking().Where(c => c.InstitutionId == institutionId && c.IsSuspended && c.RevokedAt == null)
            .OrderByDescending(c => c.IssuedAt).ThenBy(c => c.Id).Take(RecentCount)
            .Select(c => new StatusChange(c.Id, c.Kind.ToString(), c.LearnerId, c.IssuedAt, false, null, c.SuspensionReason))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(
            learners.Where(l => !l.Archived).Sum(l => l.Count), learners.Where(l => l.Archived).Sum(l => l.Count), inProgress,
            [.. batches.OrderBy(b => b.CreatedAt).Select(b => new RunningBatch(b.Id, b.CreatedAt,
                progress.GetValueOrDefault(b.Id)?.Total ?? 0, progress.GetValueOrDefault(b.Id)?.Done ?? 0))],
            revoked, suspended));
    }
}
