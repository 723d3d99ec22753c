using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class DeleteAssessment
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(DeleteAssessment))
            .WithSummary("Remove an assessment made in error; the attainment is recomputed (staff). ?version= guards against a stale delete")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, int? version, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (assessment is null)
        {
            return Problems.NotFound("assessment", id);
        }
        if (version is not null && assessment.RowVersion != version)
        {
            return Problems.StaleUpdate("assessment", id, assessment.RowVersion);
        }
        db.Assessments.Remove(assessment);
        await AttainmentCalculator.RecomputeAsync(db, caller.InstitutionId, assessment.LearnerId, assessment.CompetencyId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
