using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Batches;

internal static class GetBatch
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetBatch))
            .WithSummary("A batch's progress: done, issued, skipped and failed, with a reason per learner")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<BatchResponse>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        CancellationToken cancellationToken)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.InstitutionId == caller.InstitutionId, cancellationToken);
        if (batch is null)
        {
            return Problems.NotFound("batch", id);
        }
        var items = await db.BatchItems.AsNoTracking().Where(i => i.BatchId == id).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(BatchResponse.From(batch, items));
    }
}
