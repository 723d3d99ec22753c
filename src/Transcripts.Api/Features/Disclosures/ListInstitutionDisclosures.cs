using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Disclosures;

/// <summary>
/// The institution's whole record of disclosures, for its admin: who read which learner's records, and when. Learners are
/// named by id only, so reading the log discloses no one's profile.
/// </summary>
internal static class ListInstitutionDisclosures
{
    public sealed record Response(Guid Id, Guid LearnerId, Guid ApiKeyId, string? KeyName, string Role, string Record, DateTimeOffset At);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListInstitutionDisclosures))
            .WithSummary("Every disclosure of the institution's learners' records, newest first, filterable by date (admin)")
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<Response>>, ProblemHttpResult>> Handle(DateTimeOffset? since, int? page, int? pageSize,
        TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var query = db.Disclosures.AsNoTracking().Where(d => d.InstitutionId == caller.InstitutionId);
        if (since is not null)
        {
            query = query.Where(d => d.At >= since);
        }
        var names = await ReaderNames.OfInstitutionAsync(db, caller.InstitutionId, cancellationToken);
        return TypedResults.Ok(await query.OrderByDescending(d => d.At).ThenByDescending(d => d.Id).ToPageAsync(page, pageSize,
            d => new Response(d.Id, d.LearnerId, d.ApiKeyId, names.GetValueOrDefault(d.ApiKeyId), d.Role, d.Record, d.At), cancellationToken));
    }
}
