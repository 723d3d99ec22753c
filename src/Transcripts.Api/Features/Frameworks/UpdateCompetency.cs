using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class UpdateCompetency
{
    public sealed record Request
    {
        [Required, StringLength(8000, MinimumLength = 1)]
        public required string FullStatement { get; init; }
        [StringLength(200)]
        public string? HumanCode { get; init; }
        [StringLength(1000)]
        public string? AbbreviatedStatement { get; init; }
        public int ListOrder { get; init; }
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/{id:guid}/competencies/{competencyId:guid}", Handle).WithName(nameof(UpdateCompetency))
            .WithSummary("Edit a competency's statement, code and order (registrar)")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<CompetencyResponse>, ProblemHttpResult>> Handle(Guid id, Guid competencyId,
        Request request, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var competency = await db.Competencies.SingleOrDefaultAsync(c => c.Id == competencyId && c.FrameworkId == id
            && db.Frameworks.Any(f => f.Id == id && f.InstitutionId == caller.InstitutionId), cancellationToken);
        if (competency is null)
        {
            return Problems.NotFound("competency", competencyId);
        }
        if (competency.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("competency", competencyId, competency.RowVersion);
        }
        competency.FullStatement = request.FullStatement;
        competency.HumanCode = request.HumanCode;
        competency.AbbreviatedStatement = request.AbbreviatedStatement;
        competency.ListOrder = request.ListOrder;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CompetencyResponse.From(competency));
    }
}
