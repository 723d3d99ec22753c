using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class ListAttainments
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListAttainments))
            .WithSummary("A learner's attainments, filterable by status; staff reads are disclosed to the learner")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Page<AttainmentResponse>>, ProblemHttpResult>> Handle(Guid learnerId, AttainmentStatus? status,
        int? page, int? pageSize, TranscriptsDb db, CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var query = db.Attainments.Where(a => a.LearnerId == learnerId);
        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }
        var result = await query.OrderBy(a => a.CompetencyId).ToPageAsync(page, pageSize, AttainmentResponse.From, cancellationToken);
        caller.Disclose(db, learnerId, "attainments", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(result);
    }
}
