using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class ListAssessments
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListAssessments))
            .WithSummary("A learner's assessments, newest first, filterable by competency; staff reads are disclosed to the learner")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<AssessmentResponse>>, ProblemHttpResult>> Handle(Guid learnerId, Guid? competencyId,
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
        var query = db.Assessments.Where(a => a.LearnerId == learnerId);
        if (competencyId is not null)
        {
            query = query.Where(a => a.CompetencyId == competencyId);
        }
        var result = await query.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id)
            .ToPageAsync(page, pageSize, AssessmentResponse.From, cancellationToken);
        caller.Disclose(db, learnerId, "assessments", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(result);
    }
}
