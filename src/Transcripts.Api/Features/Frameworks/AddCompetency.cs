using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class AddCompetency
{
    public sealed record Request
    {
        [Required, StringLength(8000, MinimumLength = 1)]
        public required string FullStatement { get; init; }
        [StringLength(200)]
        public string? HumanCode { get; init; }
        [StringLength(1000)]
        public string? AbbreviatedStatement { get; init; }
        public Guid? ParentId { get; init; }
        public int ListOrder { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/competencies", Handle).WithName(nameof(AddCompetency))
            .WithSummary("Add a competency to a framework, optionally under a parent (registrar)")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Created<CompetencyResponse>, ProblemHttpResult>> Handle(Guid id, Request request,
        TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (!await db.Frameworks.AnyAsync(f => f.Id == id && f.InstitutionId == caller.InstitutionId, cancellationToken))
        {
            return Problems.NotFound("framework", id);
        }
        if (request.ParentId is { } parentId && !await db.Competencies.AnyAsync(c => c.Id == parentId && c.FrameworkId == id, cancellationToken))
        {
            return Problems.Validation("parentId", $"No competency {parentId} in this framework.");
        }
        var competency = new Competency
        {
            FrameworkId = id, ParentId = request.ParentId, FullStatement = request.FullStatement, HumanCode = request.HumanCode,
            AbbreviatedStatement = request.AbbreviatedStatement, ListOrder = request.ListOrder,
        };
        db.Competencies.Add(competency);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/frameworks/{id}/competencies/{competency.Id}", CompetencyResponse.From(competency));
    }
}
