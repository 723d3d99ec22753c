using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class GetFramework
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetFramework))
            .WithSummary("A framework with its mastery rule and every competency (parentId gives the hierarchy)")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<FrameworkResponse>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db,
        CurrentCaller caller, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.AsNoTracking().Include(f => f.Competencies)
            .SingleOrDefaultAsync(f => f.Id == id && f.InstitutionId == caller.InstitutionId, cancellationToken);
        if (framework is null)
        {
            return Problems.NotFound("framework", id);
        }
        var rule = await db.MasteryRules.AsNoTracking().SingleOrDefaultAsync(r => r.FrameworkId == id, cancellationToken);
        return TypedResults.Ok(FrameworkResponse.From(framework, rule));
    }
}
