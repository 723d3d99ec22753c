using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>
/// The printable transcript of a CLR credential, for a registrar or admin of its institution or the learner it belongs to.
/// A staff read is a disclosure. A revoked or suspended transcript is refused unless a registrar asks for a reprint.
/// </summary>
internal static class GetTranscriptPdf
{
    public const string MediaType = "application/pdf";

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/pdf", Handle).WithName(nameof(GetTranscriptPdf))
            .WithSummary("The printable transcript (PDF with QR code and the signed credential attached) of a CLR transcript credential")
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid id, bool? reprintRevoked, TranscriptsDb db,
        CurrentCaller caller, TranscriptPdfService pdfs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = await db.Credentials.AsNoTracking().Where(c => c.Id == id && c.InstitutionId == caller.InstitutionId)
            .Select(c => new { c.LearnerId }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null || (caller.IsLearner && owner.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("credential", id);
        }
        // A learner prints their transcript as it stands; reprinting a revoked one is a registrar's decision.
        var (pdf, problem) = await pdfs.RenderAsync(caller.InstitutionId, id, reprintRevoked == true && caller.IsStaff, cancellationToken);
        if (pdf is null)
        {
            return problem!;
        }
        caller.Disclose(db, pdf.LearnerId, $"transcript PDF {id}", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(pdf.Content, MediaType, pdf.FileName);
    }
}
