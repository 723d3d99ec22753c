using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class ListLearners
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListLearners))
            .WithSummary("The institution's learners (staff), filterable by name and identifier; archived ones on request. Each learner listed is disclosed to that learner")
            .RequireAuthorization(Policies.Staff)
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<LearnerResponse>>, ProblemHttpResult>> Handle(string? name, string? identifier,
        bool? includeArchived, int? page, int? pageSize, TranscriptsDb db, CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
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
            // The institution's identifiers with that value (an index lookup), not an existence check per learner.
            var institutionId = caller.InstitutionId;
            query = query.Where(l => db.LearnerIdentifiers.Where(i => i.InstitutionId == institutionId && i.Value == identifier)
                .Select(i => i.LearnerId).Contains(l.Id));
        }
        var result = await query.OrderBy(l => l.Name).ThenBy(l => l.Id).ToPageAsync(page, pageSize, LearnerResponse.From, cancellationToken);
        // A list shows each learner's profile, so each listed learner sees it in their record of disclosures.
        var now = clock.GetUtcNow();
        foreach (var learner in result.Items)
        {
            caller.Disclose(db, learner.Id, "profile (in a list)", now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(result);
    }
}
