using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

internal static class WithdrawShareLink
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/share-links/{id:guid}/withdraw", Handle).WithName(nameof(WithdrawShareLink))
            .WithSummary("Withdraw a share link; it stops working at once")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller, TimeProvider clock,
        ILogger<ShareLink> logger, CancellationToken cancellationToken)
    {
        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == id && l.InstitutionId == caller.InstitutionId, cancellationToken);
        if (link is null || (caller.IsLearner && link.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("share link", id);
        }
        if (link.WithdrawnAt is null)
        {
            link.WithdrawnAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            Log.ShareLinkWithdrawn(logger, id);
        }
        return TypedResults.NoContent();
    }
}
