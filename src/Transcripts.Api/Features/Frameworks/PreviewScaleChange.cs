using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// What moving a scale's mastery threshold would do, before a registrar moves it: the rule-derived attainments, in every
/// framework using the scale, that would no longer be attained, and the achievement credentials and transcripts stating
/// them that would be revoked. Nothing is saved.
/// </summary>
internal static class PreviewScaleChange
{
    public sealed record Request
    {
        [Range(1, 20)]
        public required int MasteryOrdinal { get; init; }
    }

    public sealed record Response(Guid ScaleId, int Version, IReadOnlyList<MasteryRuleChange.LoweredAttainment> Lowered,
        IReadOnlyList<AffectedCredentials.Affected> Achievements, IReadOnlyList<AffectedCredentials.Affected> Transcripts);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/preview", Handle).WithName(nameof(PreviewScaleChange))
            .WithSummary("The attainments a moved mastery threshold would lower and the credentials and transcripts it would revoke (registrar); "
                + "changes nothing")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var scale = await db.Scales.Include(s => s.Levels)
            .SingleOrDefaultAsync(s => s.Id == id && s.InstitutionId == caller.InstitutionId, cancellationToken);
        if (scale is null)
        {
            return Problems.NotFound("proficiency scale", id);
        }
        var mastery = scale.Levels.SingleOrDefault(l => l.Ordinal == request.MasteryOrdinal);
        if (mastery is null)
        {
            return Problems.Validation("masteryOrdinal", $"masteryOrdinal is between 1 and {scale.Levels.Count}.");
        }
        // The threshold moves on the tracked scale in memory only: this handler never saves.
        scale.MasteryLevelId = mastery.Id;
        var lowered = await MasteryRuleChange.RecomputeScaleAsync(db, caller.InstitutionId, id, clock.GetUtcNow(), cancellationToken);
        var consequences = MasteryRuleChange.Describe(lowered);
        return TypedResults.Ok(new Response(id, scale.RowVersion, consequences.Lowered, consequences.Achievements, consequences.Transcripts));
    }
}
