using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Operator;

internal static class ListInstitutions
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(ListInstitutions))
            .WithSummary("Every institution of the service, oldest first: profile, DID and suspension, no records (operator)");

    internal static async Task<Ok<List<OperatorInstitutionResponse>>> Handle(TranscriptsDb db, CancellationToken cancellationToken)
    {
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(institutions.Select(OperatorInstitutionResponse.From).ToList());
    }
}
