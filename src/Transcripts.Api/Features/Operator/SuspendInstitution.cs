using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// Suspends an institution: its API keys stop working (here at once, on other instances within <c>ApiKeys:CacheSeconds</c>),
/// its share links and verification pages answer <c>institution-suspended</c>; its DID document, trust bundle and status lists
/// are still served, so verifiers keep seeing its revocations. Nothing is deleted.
/// </summary>
internal static partial class SuspendInstitution
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 1)]
        public required string Reason { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/suspend", Handle).WithName(nameof(SuspendInstitution))
            .WithSummary("Suspend an institution: its keys stop working, its public records are withheld, its status lists stay (operator)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<OperatorInstitutionResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        IMemoryCache cache, TimeProvider clock, CurrentCaller caller, ILogger<Request> logger, CancellationToken cancellationToken)
    {
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (institution is null)
        {
            return Problems.NotFound("institution", id);
        }
        if (institution.SuspendedAt is not null)
        {
            return Problems.InstitutionSuspensionUnchanged(id, isSuspended: true);
        }
        institution.SuspendedAt = clock.GetUtcNow();
        institution.SuspensionReason = request.Reason;
        await db.SaveChangesAsync(cancellationToken);
        await KnownKeys.ForgetInstitutionAsync(db, cache, id, cancellationToken);
        KnownInstitutions.Forget(cache, id);
        LogSuspended(logger, id, caller.ApiKeyId);
        return TypedResults.Ok(OperatorInstitutionResponse.From(institution));
    }

    [LoggerMessage(LogEvents.InstitutionSuspended, LogLevel.Warning, "Institution {InstitutionId} suspended by operator key {OperatorKeyId}")]
    private static partial void LogSuspended(ILogger logger, Guid institutionId, Guid operatorKeyId);
}
