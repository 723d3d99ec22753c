using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>Lifts a suspension: the institution's keys that were not revoked work again, its public records are shown again.</summary>
internal static partial class ReinstateInstitution
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/reinstate", Handle).WithName(nameof(ReinstateInstitution))
            .WithSummary("Lift an institution's suspension (operator)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<OperatorInstitutionResponse>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, IMemoryCache cache,
        CurrentCaller caller, ILogger<OperatorInstitutionResponse> logger, CancellationToken cancellationToken)
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
        await db.SaveChangesAsync(cancellationToken);
        await KnownKeys.ForgetInstitutionAsync(db, cache, id, cancellationToken);
        LogReinstated(logger, id, caller.ApiKeyId);
        return TypedResults.Ok(OperatorInstitutionResponse.From(institution));
    }

    [LoggerMessage(LogEvents.InstitutionReinstated, LogLevel.Information, "Institution {InstitutionId} reinstated by operator key {OperatorKeyId}")]
    private static partial void LogReinstated(ILogger logger, Guid institutionId, Guid operatorKeyId);
}
