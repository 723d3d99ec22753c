using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static partial class RecordAssessment
{
    public sealed record Request
    {
        public required Guid LearnerId { get; init; }
        public required Guid CompetencyId { get; init; }
        public required Guid LevelId { get; init; }
        public Guid? EvidenceId { get; init; }
        [StringLength(4000)]
        public string? Feedback { get; init; }
        /// <summary>Defaults to today.</summary>
        public DateOnly? AssessedOn { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(RecordAssessment))
            .WithSummary("Assess a learner's evidence against a competency at a level; the attainment is recomputed by the framework's rule (staff). "
                + "A lower level revokes the credentials and transcripts stating the higher one")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Task<Results<Created<RecordedAssessment>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, SigningKeyService keys, StatusListService lists, ILogger<Request> logger,
        ILogger<Credentials.CredentialIssuer> issuerLogger, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, () => RecordAsync(request, db, caller, clock, keys, lists, logger, issuerLogger, cancellationToken), cancellationToken);

    private static async Task<Results<Created<RecordedAssessment>, ProblemHttpResult>> RecordAsync(Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, SigningKeyService keys, StatusListService lists, ILogger logger, ILogger issuerLogger,
        CancellationToken cancellationToken)
    {
        if (await AssessmentChecks.CheckAsync(db, caller.InstitutionId, request.LearnerId, request.CompetencyId, request.LevelId,
                request.EvidenceId, cancellationToken) is { } errors)
        {
            return Problems.Validation(errors);
        }
        if (request.AssessedOn is { } on && AssessmentAuthorship.CheckDate(on, clock) is { } future)
        {
            return future;
        }
        var now = clock.GetUtcNow();
        var assessment = new Assessment
        {
            InstitutionId = caller.InstitutionId, LearnerId = request.LearnerId, CompetencyId = request.CompetencyId,
            LevelId = request.LevelId, EvidenceId = request.EvidenceId, AssessorKeyId = caller.ApiKeyId, Feedback = request.Feedback,
            AssessedOn = request.AssessedOn ?? DateOnly.FromDateTime(now.UtcDateTime), CreatedAt = now,
        };
        var before = await AttainmentDowngrade.BeforeAsync(db, request.LearnerId, request.CompetencyId, cancellationToken);
        db.Assessments.Add(assessment);
        var attainment = await AttainmentCalculator.RecomputeAsync(db, caller.InstitutionId, request.LearnerId, request.CompetencyId, now, cancellationToken);
        if (await AttainmentDowngrade.RevokeIfLoweredAsync(db, caller.InstitutionId, before, attainment, AttainmentDowngrade.NewAssessment, keys, lists,
                clock, issuerLogger, cancellationToken) is { } problem)
        {
            return problem;
        }
        await db.SaveChangesAsync(cancellationToken);
        LogRecorded(logger, assessment.Id, assessment.LearnerId, assessment.CompetencyId);
        return TypedResults.Created($"/assessments/{assessment.Id}",
            new RecordedAssessment(AssessmentResponse.From(assessment), attainment is null ? null : AttainmentResponse.From(attainment)));
    }

    [LoggerMessage(LogEvents.AssessmentRecorded, LogLevel.Information, "Assessment {AssessmentId} recorded for learner {LearnerId} on competency {CompetencyId}")]
    private static partial void LogRecorded(ILogger logger, Guid assessmentId, Guid learnerId, Guid competencyId);
}
