using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

internal static class CreateScale
{
    public sealed record LevelRequest
    {
        [Required, StringLength(200, MinimumLength = 1)]
        public required string Title { get; init; }
        [StringLength(2000)]
        public string? Description { get; init; }
        public required double Score { get; init; }
    }

    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 1)]
        public required string Title { get; init; }
        [StringLength(2000)]
        public string? Description { get; init; }
        /// <summary>From lowest to highest; scores strictly increasing.</summary>
        [Required, MinLength(2), MaxLength(20)]
        public required IReadOnlyList<LevelRequest> Levels { get; init; }
        /// <summary>The 1-based position in <see cref="Levels"/> of the lowest level that counts as mastery.</summary>
        [Range(1, 20)]
        public required int MasteryOrdinal { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateScale))
            .WithSummary("Create a proficiency scale: ordered levels and the mastery threshold (registrar)")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem();

    private static async Task<Results<Created<ScaleResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (ScaleRules.Check(request.Levels.Select(l => l.Score).ToList(), request.MasteryOrdinal) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var scale = new ProficiencyScale { InstitutionId = caller.InstitutionId, Title = request.Title, Description = request.Description };
        scale.Levels.AddRange(request.Levels.Select((l, i) => new Level
        {
            ScaleId = scale.Id, Ordinal = i + 1, Title = l.Title, Description = l.Description, Score = l.Score,
        }));
        scale.MasteryLevelId = scale.Levels[request.MasteryOrdinal - 1].Id;
        db.Scales.Add(scale);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/scales/{scale.Id}", ScaleResponse.From(scale));
    }
}

internal static class ScaleRules
{
    public static Dictionary<string, string[]>? Check(IReadOnlyList<double> scores, int masteryOrdinal)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 1; i < scores.Count; i++)
        {
            if (!(scores[i] > scores[i - 1]))
            {
                errors[$"levels[{i}].score"] = ["Scores increase strictly from the lowest level to the highest."];
            }
        }
        if (scores.Any(s => !double.IsFinite(s) || s <= 0))
        {
            errors["levels"] = ["Every score is a positive number (the power-law rule takes logarithms)."];
        }
        if (masteryOrdinal > scores.Count)
        {
            errors["masteryOrdinal"] = [$"masteryOrdinal is between 1 and {scores.Count}."];
        }
        return errors.Count == 0 ? null : errors;
    }
}
