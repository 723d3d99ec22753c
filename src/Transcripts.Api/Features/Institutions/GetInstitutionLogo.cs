using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

internal static class GetInstitutionLogo
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/logo", Handle).WithName(nameof(GetInstitutionLogo))
            .WithSummary("The institution's logo image")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Handle(
        TranscriptsDb db, CurrentCaller caller, FileStore files, HttpResponse response, CancellationToken cancellationToken)
    {
        FileResponses.Protect(response);
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == caller.InstitutionId, cancellationToken);
        var stream = institution.LogoSha256 is null ? null : files.Open(institution.LogoSha256);
        return stream is null
            ? Problems.NotFound("logo of institution", institution.Id)
            : TypedResults.Stream(stream, institution.LogoMediaType);
    }
}
