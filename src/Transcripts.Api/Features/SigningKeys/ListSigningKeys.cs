using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

internal static class ListSigningKeys
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListSigningKeys)).WithSummary("The institution's signing keys, newest first (public parts only)");

    internal static async Task<Ok<List<SigningKeyResponse>>> Handle(TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.InstitutionId == caller.InstitutionId).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.OrderByDescending(k => k.CreatedAt).Select(SigningKeyResponse.From).ToList());
    }
}
