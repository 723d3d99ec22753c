using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class ArchiveLearner
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(ArchiveLearner))
            .WithSummary("Archive a learner (registrar): hidden from lists and new assessments, their API keys revoked and their share links withdrawn; the record and its audit trail are kept")
            .RequireAuthorization(Policies.Registrar)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, int? version, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.SingleOrDefaultAsync(l => l.Id == id && l.InstitutionId == caller.InstitutionId, cancellationToken);
        if (learner is null)
        {
            return Problems.NotFound("learner", id);
        }
        if (learner.IsArchived)
        {
            return Problems.AlreadyArchived(id);
        }
        if (version is not null && learner.RowVersion != version)
        {
            return Problems.StaleUpdate("learner", id, learner.RowVersion);
        }
        learner.IsArchived = true;
        var now = clock.GetUtcNow();
        var keys = await db.ApiKeys.Where(k => k.LearnerId == id && k.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            key.RevokedAt = now;
        }
        await Sharing.WithdrawAllShareLinks.WithdrawAllAsync(db, id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in keys)
        {
            cache.Remove(ApiKeyAuthentication.CacheKeyOf(key.Hash));
        }
        return TypedResults.NoContent();
    }
}
