using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>A learner downloads their credentials as issued: a JSON array, or a Verifiable Presentation of the chosen ones.</summary>
internal static class ExportCredentials
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/learners/{learnerId:guid}/credentials/export", Handle).WithName(nameof(ExportCredentials))
            .WithSummary("Download credentials as issued (?ids=… to choose; ?format=presentation for a Verifiable Presentation)")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid learnerId, [FromQuery] Guid[]? ids,
        [FromQuery] string? format, TranscriptsDb db, CurrentCaller caller, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        FileResponses.Protect(response);
        response.Headers.CacheControl = "no-store";
        var (learner, credentials, missing) = await LearnerCredentials.LoadAsync(db, caller, learnerId, ids is { Length: > 0 } ? ids : null, cancellationToken);
        if (learner is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        if (missing is { } id)
        {
            return Problems.NotFound("credential", id);
        }
        caller.Disclose(db, learnerId, "credentials export", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return format == "presentation"
            ? TypedResults.File(LearnerCredentials.AsPresentation(credentials), "application/vp", "presentation.json")
            : TypedResults.File(LearnerCredentials.AsArray(credentials), "application/json", "credentials.json");
    }
}
