using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

/// <summary>The signed credential, byte for byte as issued. Staff reads of a learner's credential are disclosures.</summary>
internal static class GetCredential
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetCredential))
            .WithSummary("The signed credential exactly as issued (application/vc; application/ld+json on request)")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid id, HttpContext http, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == caller.InstitutionId, cancellationToken);
        if (credential is null || (caller.IsLearner && credential.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("credential", id);
        }
        if (credential.LearnerId is { } learnerId)
        {
            caller.Disclose(db, learnerId, $"credential {id}", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        var mediaType = http.Request.Headers.Accept.ToString().Contains("application/ld+json", StringComparison.OrdinalIgnoreCase)
            ? "application/ld+json" : "application/vc";
        return TypedResults.File(credential.Bytes, mediaType);
    }
}
