using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

internal static class GetInstitution
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("", Handle).WithName(nameof(GetInstitution))
            .WithSummary("The caller's institution: issuer profile, public base URL and did:web identifier");

    private static async Task<Ok<InstitutionResponse>> Handle(TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == caller.InstitutionId, cancellationToken);
        return TypedResults.Ok(InstitutionResponse.From(institution));
    }
}
