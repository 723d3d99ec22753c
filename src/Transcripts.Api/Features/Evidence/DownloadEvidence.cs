using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

internal static class DownloadEvidence
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/content", Handle).WithName(nameof(DownloadEvidence))
            .WithSummary("Download an uploaded evidence file (staff, or the learner it belongs to); disclosed to the learner")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        FileStore files, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        FileResponses.Protect(response);
        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.InstitutionId == caller.InstitutionId, cancellationToken);
        if (evidence is null || await LearnerAccess.FindAsync(db, caller, evidence.LearnerId, cancellationToken) is null)
        {
            return Problems.NotFound("evidence", id);
        }
        var stream = evidence.FileSha256 is null ? null : files.Open(evidence.FileSha256);
        if (stream is null)
        {
            return Problems.NotFound("file of evidence", id);
        }
        caller.Disclose(db, evidence.LearnerId, "evidence file", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Stream(stream, evidence.MediaType, evidence.FileName);
    }
}
