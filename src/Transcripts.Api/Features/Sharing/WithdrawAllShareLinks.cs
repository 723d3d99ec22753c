using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

internal static class WithdrawAllShareLinks
{
    public sealed record Response(int Withdrawn);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/learners/{learnerId:guid}/share-links/withdraw", Handle).WithName(nameof(WithdrawAllShareLinks))
            .WithSummary("Withdraw every live share link of a learner at once")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid learnerId, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, ILogger<ShareLink> logger, CancellationToken cancellationToken)
    {
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var withdrawn = await WithdrawAllAsync(db, learnerId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var id in withdrawn)
        {
            Log.ShareLinkWithdrawn(logger, id);
        }
        return TypedResults.Ok(new Response(withdrawn.Count));
    }

    /// <summary>Marks every live link of the learner withdrawn (tracked; the caller saves). Also used when a learner is archived.</summary>
    public static async Task<List<Guid>> WithdrawAllAsync(TranscriptsDb db, Guid learnerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.ShareLinks.Where(l => l.LearnerId == learnerId && l.WithdrawnAt == null).ToListAsync(cancellationToken);
        foreach (var link in live)
        {
            link.WithdrawnAt = now;
        }
        return [.. live.Select(l => l.Id)];
    }
}
