using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
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
            .WithSummary("Withdraw an attainment, with a reason (registrar); it stays withdrawn whatever later assessments say")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<AttainmentResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var attainment = await db.Attainments.SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (attainment is null)
        {
            return Problems.NotFound("attainment", id);
        }
        if (attainment.Status == AttainmentStatus.Withdrawn)
        {
            return Problems.AlreadyWithdrawn(id);
        }
        if (attainment.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("attainment", id, attainment.RowVersion);
        }
        attainment.Status = AttainmentStatus.Withdrawn;
        attainment.Source = AttainmentSource.Award;
        attainment.Reason = request.Reason;
        attainment.DecidedByKeyId = caller.ApiKeyId;
        attainment.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AttainmentResponse.From(attainment));
    }
}
