using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

internal static class ListLearnerCredentials
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/learners/{learnerId:guid}/credentials", Handle).WithName(nameof(ListLearnerCredentials)).WithTags("Credentials")
            .RequireAuthorization(Policies.Member)
            .WithSummary("A learner's credentials, newest first (a learner sees only their own)")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<List<CredentialResponse>>, ProblemHttpResult>> Handle(Guid learnerId, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.AsNoTracking().SingleOrDefaultAsync(l => l.Id == learnerId, cancellationToken);
        if (learner is null || !caller.CanSee(learner))
        {
            return Problems.NotFound("learner", learnerId);
        }
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.LearnerId == learnerId).ToListAsync(cancellationToken);
        caller.Disclose(db, learnerId, "credentials", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(credentials.OrderByDescending(c => c.IssuedAt).ThenBy(c => c.Id).Select(CredentialResponse.From).ToList());
    }
}
