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

    /// <summary>
    /// The filters, all optional and combined: one learner (by id), the reader's role (<c>admin</c>, <c>registrar</c>,
    /// <c>assessor</c>, <c>learner</c>, <c>share-link</c>, <c>verification-page</c>) and a time range from <c>since</c>
    /// (inclusive) to <c>until</c> (exclusive). Ids only: no filter takes a learner's name.
    /// </summary>
    public sealed record Filter(Guid? LearnerId = null, string? Role = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListInstitutionDisclosures))
            .WithSummary("Every disclosure of the institution's learners' records, newest first, filterable by learner id, reader's role and time range (admin)")
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<Response>>, ProblemHttpResult>> Handle([AsParameters] Filter filter, int? page, int? pageSize,
        TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize) ?? [];
        if (TimeRange.Check(filter.Since, filter.Until) is { } range)
        {
            errors["until"] = [range];
        }
        if (filter.Role is { Length: > 50 })
        {
            errors["role"] = ["role is at most 50 characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var query = db.Disclosures.AsNoTracking().Where(d => d.InstitutionId == caller.InstitutionId);
        if (filter.LearnerId is { } learnerId)
        {
            query = query.Where(d => d.LearnerId == learnerId);
        }
        if (filter.Role is { } role)
        {
            query = query.Where(d => d.Role == role);
        }
        if (filter.Since is { } since)
        {
            query = query.Where(d => d.At >= since);
        }
        if (filter.Until is { } until)
        {
            query = query.Where(d => d.At < until);
        }
        var names = await ReaderNames.OfInstitutionAsync(db, caller.InstitutionId, cancellationToken);
        return TypedResults.Ok(await query.OrderByDescending(d => d.At).ThenByDescending(d => d.Id).ToPageAsync(page, pageSize,
            d => new Response(d.Id, d.LearnerId, d.ApiKeyId, names.GetValueOrDefault(d.ApiKeyId), d.Role, d.Record, d.At), cancellationToken));
    }
}
