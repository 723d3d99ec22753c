using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class WithdrawAttainment
{
    public sealed record Request
    {
        [Required, StringLength(1000, MinimumLength = 3)]
        public required string Reason { get; init; }
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/withdraw", Handle).WithName(nameof(WithdrawAttainment))
            .WithSummary("Withdraw an attainment, with a reason (registrar); it stays withdrawn whatever later assessments say. "
                + "Its achievement credentials and the transcripts embedding them are revoked with the reason")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Task<Results<Ok<AttainmentResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, SigningKeyService keys, StatusListService lists, TimeProvider clock, ILogger<Credentials.CredentialIssuer> logger,
        CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var attainment = await db.Attainments.SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
            if (attainment is null)
            {
                return (Results<Ok<AttainmentResponse>, ProblemHttpResult>)Problems.NotFound("attainment", id);
            }
            if (attainment.Status == AttainmentStatus.Withdrawn)
            {
                return Problems.AlreadyWithdrawn(id);
            }
            if (attainment.RowVersion != request.Version)
            {
                return Problems.StaleUpdate("attainment", id, attainment.RowVersion);
            }
            // The credentials that state the attainment go with it, in the same save (see GET …/withdrawal-preview).
            var affected = await AttainmentRevocation.FindAsync(db, attainment, cancellationToken);
            if (affected.Count > 0)
            {
                var (signer, problem) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
                if (signer is null)
                {
                    return problem!.Value.ToProblem();
                }
                using (signer)
                {
                    await AttainmentRevocation.RevokeAsync(affected, AttainmentRevocation.WithdrawnPrefix, request.Reason, signer, lists, logger, cancellationToken);
                }
            }
            attainment.Status = AttainmentStatus.Withdrawn;
            attainment.Source = AttainmentSource.Award;
            attainment.Reason = request.Reason;
            attainment.DecidedByKeyId = caller.ApiKeyId;
            attainment.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(AttainmentResponse.From(attainment));
        }, cancellationToken);
}
