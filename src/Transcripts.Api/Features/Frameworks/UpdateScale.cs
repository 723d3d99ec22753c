using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

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
            .WithSummary("Rename a scale or move its mastery threshold (registrar); levels of a scale in use do not change")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<ScaleResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, CancellationToken cancellationToken)
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
        if (scale.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("proficiency scale", id, scale.RowVersion);
        }
        scale.Title = request.Title;
        scale.Description = request.Description;
        scale.MasteryLevelId = mastery.Id;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ScaleResponse.From(scale));
    }
}
