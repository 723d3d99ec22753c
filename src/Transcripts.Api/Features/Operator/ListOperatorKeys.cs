using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Operator;

/// <summary>The service's operator keys (a handful, so not paged): names, prefixes and dates, never secrets or hashes.</summary>
internal static class ListOperatorKeys
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListOperatorKeys))
            .WithSummary("The service's operator keys (never their secrets); revoked keys only on request (operator)");

    internal static async Task<Ok<List<OperatorKeyResponse>>> Handle(TranscriptsDb db, bool? includeRevoked, CancellationToken cancellationToken)
    {
        var query = db.OperatorKeys.AsNoTracking();
        if (includeRevoked != true)
        {
            query = query.Where(k => k.RevokedAt == null);
        }
        var keys = await query.OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.ConvertAll(OperatorKeyResponse.From));
    }
}
