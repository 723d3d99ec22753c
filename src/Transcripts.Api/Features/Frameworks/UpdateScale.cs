using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// Renames a scale or moves its mastery threshold. Moving the threshold recomputes the rule-derived attainments of every
/// framework using the scale; those no longer attained revoke the credentials and transcripts stating them, as the
/// preview (<see cref="PreviewScaleChange"/>) said. The levels of a scale in use do not change.
/// </summary>
internal static class UpdateScale
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 1)]
        public required string Title { get; init; }
        [StringLength(2000)]
        public string? Description { get; init; }
        [Range(1, 20)]
        public required int MasteryOrdinal { get; init; }
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdateScale))
            .WithSummary("Rename a scale or move its mastery threshold (registrar); levels of a scale in use do not change. Moving the threshold "
                + "recomputes the attainments of the frameworks using the scale and revokes what they no longer support (see …/preview)")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Task<Results<Ok<ScaleResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, SigningKeyService keys, StatusListService lists, TimeProvider clock, ILogger<Credentials.CredentialIssuer> logger,
        CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync<Results<Ok<ScaleResponse>, ProblemHttpResult>>(db, async () =>
        {
            var scale = await db.Scales.Include(s => s.Levels)
                .SingleOrDefaultAsync(s => s.Id == id && s.InstitutionId == caller.InstitutionId, cancellationToken);
            if (scale is null)
            {
                return (Results<Ok<ScaleResponse>, ProblemHttpResult>)Problems.NotFound("proficiency scale", id);
            }
            var mastery = scale.Levels.SingleOrDefault(l => l.Ordinal == request.MasteryOrdinal);
            if (mastery is null)
            {
                return Problems.Validation("masteryOrdinal", $"masteryOrdinal is between 1 and {scale.Levels.Count}.");
            }
            if (scale.RowVersion != request.Version)
            {
                return Problems.StaleUpdate("proficiency scale", id, scale.RowVersion);
            }
            scale.Title = request.Title;
            scale.Description = request.Description;
            if (scale.MasteryLevelId != mastery.Id)
            {
                scale.MasteryLevelId = mastery.Id;
                var lowered = await MasteryRuleChange.RecomputeScaleAsync(db, caller.InstitutionId, id, clock.GetUtcNow(), cancellationToken);
                if (await MasteryRuleChange.RevokeAsync(db, caller.InstitutionId, lowered, AttainmentDowngrade.ThresholdMoved, keys, lists, clock, logger,
                    cancellationToken) is { } refused)
                {
                    return refused;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ScaleResponse.From(scale));
        }, cancellationToken);
}
