using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class ListFrameworks
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListFrameworks))
            .WithSummary("The institution's frameworks, filterable by words in the title")
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<FrameworkSummary>>, ProblemHttpResult>> Handle(TranscriptsDb db, CurrentCaller caller,
        string? title, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var query = db.Frameworks.Where(f => f.InstitutionId == caller.InstitutionId);
        if (!string.IsNullOrWhiteSpace(title))
        {
            query = query.Where(f => f.Title.Contains(title));
        }
        return TypedResults.Ok(await query.OrderBy(f => f.Title).ThenBy(f => f.Id)
            .ToPageAsync(page, pageSize, FrameworkSummary.From, cancellationToken));
    }
}
