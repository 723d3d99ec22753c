using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Disclosures;

internal static class ListDisclosures
{
    public sealed record Response(Guid Id, Guid ApiKeyId, string? KeyName, string Role, string Record, DateTimeOffset At);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListDisclosures))
            .WithSummary("Who read this learner's records, and when (the learner, admins and registrars); newest first, filterable by date")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Page<Response>>, ProblemHttpResult>> Handle(Guid learnerId, DateTimeOffset? since, int? page,
        int? pageSize, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var query = db.Disclosures.AsNoTracking().Where(d => d.LearnerId == learnerId && d.InstitutionId == caller.InstitutionId);
        if (since is not null)
        {
            query = query.Where(d => d.At >= since);
        }
        var keys = await ReaderNames.OfInstitutionAsync(db, caller.InstitutionId, cancellationToken);
        return TypedResults.Ok(await query.OrderByDescending(d => d.At).ThenByDescending(d => d.Id).ToPageAsync(page, pageSize,
            d => new Response(d.Id, d.ApiKeyId, keys.GetValueOrDefault(d.ApiKeyId), d.Role, d.Record, d.At), cancellationToken));
    }
}
