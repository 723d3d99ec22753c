using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.ApiKeys;

internal static class ListApiKeys
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName("ListKeys")
            .WithSummary("The institution's API keys (never their secrets), filterable by role; revoked keys only on request")
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<ApiKeyResponse>>, ProblemHttpResult>> Handle(TranscriptsDb db, CurrentCaller caller,
        string? role, bool? includeRevoked, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var query = db.ApiKeys.Where(k => k.InstitutionId == caller.InstitutionId);
        if (role is not null)
        {
            query = query.Where(k => k.Role == role);
        }
        if (includeRevoked != true)
        {
            query = query.Where(k => k.RevokedAt == null);
        }
        return TypedResults.Ok(await query.OrderBy(k => k.Id).ToPageAsync(page, pageSize, ApiKeyResponse.From, cancellationToken));
    }
}
