using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class GetScale
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetScale))
            .WithSummary("A proficiency scale with its ordered levels and mastery level")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<ScaleResponse>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        CancellationToken cancellationToken)
    {
        var scale = await db.Scales.AsNoTracking().Include(s => s.Levels)
            .SingleOrDefaultAsync(s => s.Id == id && s.InstitutionId == caller.InstitutionId, cancellationToken);
        return scale is null ? Problems.NotFound("proficiency scale", id) : TypedResults.Ok(ScaleResponse.From(scale));
    }
}
