using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class ListScales
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListScales))
            .WithSummary("The institution's proficiency scales with their levels, filterable by title")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<ScaleResponse>>, ProblemHttpResult>> Handle(TranscriptsDb db, CurrentCaller caller,
        string? title, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var query = db.Scales.AsNoTracking().Include(s => s.Levels).Where(s => s.InstitutionId == caller.InstitutionId);
        if (!string.IsNullOrWhiteSpace(title))
        {
            query = query.Where(s => s.Title.Contains(title));
        }
        return TypedResults.Ok(await query.OrderBy(s => s.Title).ThenBy(s => s.Id)
            .ToPageAsync(page, pageSize, ScaleResponse.From, cancellationToken));
    }
}
