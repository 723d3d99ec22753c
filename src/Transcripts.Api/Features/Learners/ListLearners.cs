using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class ListLearners
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListLearners))
            .WithSummary("The institution's learners (staff), filterable by name and identifier; archived ones on request")
            .RequireAuthorization(Policies.Staff)
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<LearnerResponse>>, ProblemHttpResult>> Handle(string? name, string? identifier,
        bool? includeArchived, int? page, int? pageSize, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var query = db.Learners.AsNoTracking().Include(l => l.Identifiers).Where(l => l.InstitutionId == caller.InstitutionId);
        if (includeArchived != true)
        {
            query = query.Where(l => !l.IsArchived);
        }
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(l => l.Name.Contains(name));
        }
        if (!string.IsNullOrWhiteSpace(identifier))
        {
            query = query.Where(l => l.Identifiers.Any(i => i.Value == identifier));
        }
        return TypedResults.Ok(await query.OrderBy(l => l.Name).ThenBy(l => l.Id).ToPageAsync(page, pageSize, LearnerResponse.From, cancellationToken));
    }
}
