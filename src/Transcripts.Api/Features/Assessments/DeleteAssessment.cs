using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class DeleteAssessment
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapDelete("/{id:guid}", Handle).WithName(nameof(DeleteAssessment))
            .WithSummary("Remove an assessment made in error (its author, or a registrar with ?reason=); the attainment is recomputed, and a lower level "
                + "revokes the credentials and transcripts stating the higher one. ?version= guards against a stale delete")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, int? version, string? reason, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, SigningKeyService keys, StatusListService lists, ILogger<Credentials.CredentialIssuer> logger,
        CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, () => DeleteAsync(id, version, reason, db, caller, clock, keys, lists, logger, cancellationToken), cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, int? version, string? reason, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, SigningKeyService keys, StatusListService lists, ILogger logger, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (assessment is null)
        {
            return Problems.NotFound("assessment", id);
        }
        if (AssessmentAuthorship.Check(assessment, caller, reason) is { } refused)
        {
            return refused;
        }
        if (version is not null && assessment.RowVersion != version)
        {
            return Problems.StaleUpdate("assessment", id, assessment.RowVersion);
        }
        // Who removed it, when and why is stamped first, so the audit trail holds it after the row is gone.
        var before = await AttainmentDowngrade.BeforeAsync(db, assessment.LearnerId, assessment.CompetencyId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        AssessmentAuthorship.Stamp(assessment, caller, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        db.Assessments.Remove(assessment);
        var attainment = await AttainmentCalculator.RecomputeAsync(db, caller.InstitutionId, assessment.LearnerId, assessment.CompetencyId, clock.GetUtcNow(), cancellationToken);
        if (await AttainmentDowngrade.RevokeIfLoweredAsync(db, caller.InstitutionId, before, attainment, AttainmentDowngrade.RemovedAssessment, keys, lists,
                clock, logger, cancellationToken) is { } problem)
        {
            return problem;   // the transaction rolls back: the assessment stays
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
