using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class CreateFramework
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
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateFramework))
            .WithSummary("Create an empty framework (registrar); its mastery rule starts as most-recent")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem();

    private static async Task<Results<Created<FrameworkResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ScaleId is { } scaleId
            && !await db.Scales.AnyAsync(s => s.Id == scaleId && s.InstitutionId == caller.InstitutionId, cancellationToken))
        {
            return Problems.Validation("scaleId", $"No proficiency scale {scaleId} in this institution.");
        }
        var framework = new Framework
        {
            InstitutionId = caller.InstitutionId, Title = request.Title, Creator = request.Creator,
            Description = request.Description, ScaleId = request.ScaleId, UpdatedAt = clock.GetUtcNow(),
        };
        var rule = new MasteryRule { FrameworkId = framework.Id };
        db.Frameworks.Add(framework);
        db.MasteryRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/frameworks/{framework.Id}", FrameworkResponse.From(framework, rule));
    }
}
