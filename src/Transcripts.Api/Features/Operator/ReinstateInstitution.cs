using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// Lifts a suspension with a reason, kept on the institution's row (<c>reinstatementReason</c>, beside when), so the audit
/// trail's event for that write covers it: the institution's keys that were not revoked work again, its public records are shown again.
/// </summary>
internal static partial class ReinstateInstitution
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 1)]
        public required string Reason { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/reinstate", Handle).WithName(nameof(ReinstateInstitution))
            .WithSummary("Lift an institution's suspension, with a reason (operator)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<OperatorInstitutionResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        IMemoryCache cache, TimeProvider clock, CurrentCaller caller, ILogger<OperatorInstitutionResponse> logger, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return Problems.NotFound("institution", id);
        }
        if (institution.SuspendedAt is null)
        {
            return Problems.InstitutionSuspensionUnchanged(id, isSuspended: false);
        }
        institution.SuspendedAt = null;
        institution.SuspensionReason = null;
        institution.ReinstatedAt = clock.GetUtcNow();
        institution.ReinstatementReason = request.Reason;
        await db.SaveChangesAsync(cancellationToken);
        await KnownKeys.ForgetInstitutionAsync(db, cache, id, cancellationToken);
        KnownInstitutions.Forget(cache, id);
        LogReinstated(logger, id, caller.ApiKeyId);
        return TypedResults.Ok(OperatorInstitutionResponse.From(institution));
    }

    [LoggerMessage(LogEvents.InstitutionReinstated, LogLevel.Information, "Institution {InstitutionId} reinstated by operator key {OperatorKeyId}")]
    private static partial void LogReinstated(ILogger logger, Guid institutionId, Guid operatorKeyId);
}
