using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class UpdateAssessment
{
    public sealed record Request
    {
        public required Guid LevelId { get; init; }
        public Guid? EvidenceId { get; init; }
        [StringLength(4000)]
        public string? Feedback { get; init; }
        public required DateOnly AssessedOn { get; init; }
        public required int Version { get; init; }
        /// <summary>Required when a registrar corrects another assessor's assessment; kept with the assessment.</summary>
        [StringLength(500)]
        public string? Reason { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdateAssessment))
            .WithSummary("Correct an assessment (its author, or a registrar with a reason); the attainment is recomputed, and a lower level "
                + "revokes the credentials and transcripts stating the higher one")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Task<Results<Ok<RecordedAssessment>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, SigningKeyService keys, StatusListService lists, ILogger<Credentials.CredentialIssuer> logger,
        CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, () => UpdateAsync(id, request, db, caller, clock, keys, lists, logger, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<RecordedAssessment>, ProblemHttpResult>> UpdateAsync(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, SigningKeyService keys, StatusListService lists, ILogger logger, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (assessment is null)
        {
            return Problems.NotFound("assessment", id);
        }
        if (AssessmentAuthorship.Check(assessment, caller, request.Reason) is { } refused)
        {
            return refused;
        }
        if (AssessmentAuthorship.CheckDate(request.AssessedOn, clock) is { } future)
        {
            return future;
        }
        if (await AssessmentChecks.CheckAsync(db, caller.InstitutionId, assessment.LearnerId, assessment.CompetencyId, request.LevelId,
                request.EvidenceId, cancellationToken) is { } errors)
        {
            return Problems.Validation(errors);
        }
        if (assessment.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("assessment", id, assessment.RowVersion);
        }
        var before = await AttainmentDowngrade.BeforeAsync(db, assessment.LearnerId, assessment.CompetencyId, cancellationToken);
        assessment.LevelId = request.LevelId;
        assessment.EvidenceId = request.EvidenceId;
        assessment.Feedback = request.Feedback;
        assessment.AssessedOn = request.AssessedOn;
        AssessmentAuthorship.Stamp(assessment, caller, request.Reason, clock.GetUtcNow());
        var attainment = await AttainmentCalculator.RecomputeAsync(db, caller.InstitutionId, assessment.LearnerId, assessment.CompetencyId, clock.GetUtcNow(), cancellationToken);
        if (await AttainmentDowngrade.RevokeIfLoweredAsync(db, caller.InstitutionId, before, attainment, AttainmentDowngrade.CorrectedAssessment, keys, lists,
                clock, logger, cancellationToken) is { } problem)
        {
            return problem;
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new RecordedAssessment(AssessmentResponse.From(assessment), attainment is null ? null : AttainmentResponse.From(attainment)));
    }
}
