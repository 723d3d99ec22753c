using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class AwardAttainment
{
    public sealed record Request
    {
        public required Guid CompetencyId { get; init; }
        public required Guid LevelId { get; init; }
        [Required, StringLength(1000, MinimumLength = 3)]
        public required string Reason { get; init; }
        /// <summary>
        /// The version of the learner's attainment of this competency as the caller last read it, or <see langword="null"/> for
        /// "the learner has none yet". Required (a missing member is a 400), so two registrars cannot overwrite each other: an award
        /// over a changed attainment, or over one the caller did not know of, is refused with <c>stale-update</c> (409).
        /// </summary>
        public required int? Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(AwardAttainment))
            .WithSummary("Award an attainment directly, with a reason (registrar), at the version last read (null: none yet); it stands over the rule until withdrawn. "
                + "A lower level than the attained one revokes the credentials and transcripts stating the higher level")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static Task<Results<Ok<AttainmentResponse>, ProblemHttpResult>> Handle(Guid learnerId, Request request,
        TranscriptsDb db, CurrentCaller caller, SigningKeyService keys, StatusListService lists, TimeProvider clock,
        ILogger<Credentials.CredentialIssuer> logger, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            if (!await db.Learners.AnyAsync(l => l.Id == learnerId && l.InstitutionId == caller.InstitutionId, cancellationToken))
            {
                return (Results<Ok<AttainmentResponse>, ProblemHttpResult>)Problems.NotFound("learner", learnerId);
            }
            if (await AssessmentChecks.CheckAsync(db, caller.InstitutionId, learnerId, request.CompetencyId, request.LevelId, null, cancellationToken) is { } errors)
            {
                return Problems.Validation(errors);
            }
            var level = await db.Levels.AsNoTracking().SingleAsync(l => l.Id == request.LevelId, cancellationToken);
            var attainment = await db.Attainments.SingleOrDefaultAsync(a => a.LearnerId == learnerId && a.CompetencyId == request.CompetencyId, cancellationToken);
            if (attainment is null && request.Version is not null)
            {
                return Problems.StaleUpdate();
            }
            if (attainment is not null && attainment.RowVersion != request.Version)
            {
                return Problems.StaleUpdate("attainment", attainment.Id, attainment.RowVersion);
            }
            if (attainment is null)
            {
                attainment = new Attainment { InstitutionId = caller.InstitutionId, LearnerId = learnerId, CompetencyId = request.CompetencyId };
                db.Attainments.Add(attainment);
            }
            else if (await AttainmentDowngrade.IsLoweredAsync(db, AttainmentDowngrade.Of(attainment),
                    new Attainment { Status = AttainmentStatus.Attained, LevelId = level.Id }, cancellationToken)
                && await AttainmentDowngrade.RevokeAsync(db, caller.InstitutionId, await AttainmentRevocation.FindAsync(db, attainment, cancellationToken),
                    request.Reason, keys, lists, clock, logger, cancellationToken) is { } problem)
            {
                return problem;
            }
            attainment.Source = AttainmentSource.Award;
            attainment.Status = AttainmentStatus.Attained;
            attainment.LevelId = level.Id;
            attainment.Score = level.Score;
            attainment.Arithmetic = $"awarded directly by a registrar at level \"{level.Title}\" ({MasteryCalculator.F(level.Score)})";
            attainment.Reason = request.Reason;
            attainment.DecidedByKeyId = caller.ApiKeyId;
            attainment.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(AttainmentResponse.From(attainment));
        }, cancellationToken);
}
