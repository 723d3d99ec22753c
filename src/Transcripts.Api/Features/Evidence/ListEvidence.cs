using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

internal static class ListEvidence
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListEvidence))
            .WithSummary("A learner's evidence, newest first, filterable by kind; staff reads are disclosed to the learner")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Page<EvidenceResponse>>, ProblemHttpResult>> Handle(Guid learnerId, EvidenceKind? kind,
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
        var query = db.Evidence.Where(e => e.LearnerId == learnerId);
        if (kind is not null)
        {
            query = query.Where(e => e.Kind == kind);
        }
        var result = await query.OrderByDescending(e => e.Id).ToPageAsync(page, pageSize, EvidenceResponse.From, cancellationToken);
        caller.Disclose(db, learnerId, "evidence list", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(result);
    }
}
