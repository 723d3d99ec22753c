using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class UpdateFramework
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 1)]
        public required string Title { get; init; }
        [StringLength(500)]
        public string? Creator { get; init; }
        [StringLength(4000)]
        public string? Description { get; init; }
        public Guid? ScaleId { get; init; }
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdateFramework))
            .WithSummary("Edit a framework's title, description and proficiency scale (registrar)")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<FrameworkResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var framework = await db.Frameworks.Include(f => f.Competencies)
            .SingleOrDefaultAsync(f => f.Id == id && f.InstitutionId == caller.InstitutionId, cancellationToken);
        if (framework is null)
        {
            return Problems.NotFound("framework", id);
        }
        if (request.ScaleId is { } scaleId
            && !await db.Scales.AnyAsync(s => s.Id == scaleId && s.InstitutionId == caller.InstitutionId, cancellationToken))
        {
            return Problems.Validation("scaleId", $"No proficiency scale {scaleId} in this institution.");
        }
        if (framework.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("framework", id, framework.RowVersion);
        }
        framework.Title = request.Title;
        framework.Creator = request.Creator;
        framework.Description = request.Description;
        framework.ScaleId = request.ScaleId;
        framework.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var rule = await db.MasteryRules.AsNoTracking().SingleOrDefaultAsync(r => r.FrameworkId == id, cancellationToken);
        return TypedResults.Ok(FrameworkResponse.From(framework, rule));
    }
}
