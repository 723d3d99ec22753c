using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Transcripts;

internal static class GetTranscriptPdf
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/credentials/{id:guid}/transcript.pdf", Handle).WithName(nameof(GetTranscriptPdf)).WithTags("Transcripts")
            .RequireAuthorization(Policies.Member)
            .WithSummary("The printable PDF of an issued CLR transcript, with its QR code and the signed credential attached")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        SigningKeyService keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var transcript = await db.Credentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == caller.InstitutionId && c.Kind == CredentialKind.Transcript, cancellationToken);
        if (transcript is null || (caller.IsLearner && transcript.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("transcript", id);
        }
        if (!keys.CanSign)
        {
            return Problems.SigningUnavailable();
        }
        var key = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == transcript.SigningKeyId, cancellationToken);
        if (key.RevokedAt is not null)
        {
            return Problems.SigningKeyRevoked(key.Id);
        }
        var identity = await keys.IdentityAsync(caller.InstitutionId, cancellationToken);
        if (identity is null)
        {
            return Problems.IssuerIdentifierMissing();
        }
        using var pair = keys.Open(key);
        var pdf = await TranscriptPdf.RenderAsync(db, transcript, pair, identity.VerificationMethod(key), identity.PublicBase, cancellationToken);
        caller.Disclose(db, transcript.LearnerId!.Value, $"transcript {id}", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(pdf, "application/pdf", "transcript.pdf");
    }
}
