using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class CreateLearner
{
    public sealed record Request
    {
        [Required, StringLength(300, MinimumLength = 1)]
        public required string Name { get; init; }
        [EmailAddress, StringLength(320)]
        public string? Email { get; init; }
        public DateOnly? DateOfBirth { get; init; }
        [MaxLength(20)]
        public IReadOnlyList<IdentifierDto> Identifiers { get; init; } = [];
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateLearner))
            .WithSummary("Add a learner (registrar); identifiers are unique per scheme within the institution")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<LearnerResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await IdentifierClash.FindAsync(db, caller.InstitutionId, null, request.Identifiers, cancellationToken) is { } clash)
        {
            return clash;
        }
        var learner = new Learner
        {
            InstitutionId = caller.InstitutionId, Name = request.Name, Email = request.Email, DateOfBirth = request.DateOfBirth,
            CreatedAt = clock.GetUtcNow(),
        };
        learner.Identifiers.AddRange(request.Identifiers.Select(i => new LearnerIdentifier
        {
            LearnerId = learner.Id, InstitutionId = caller.InstitutionId, Scheme = i.Scheme, Value = i.Value,
        }));
        db.Learners.Add(learner);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/learners/{learner.Id}", LearnerResponse.From(learner));
    }
}

internal static class IdentifierClash
{
    /// <summary>A 400 when the list repeats a scheme, a 409 when another learner holds one of the identifiers; else null.</summary>
    public static async Task<ProblemHttpResult?> FindAsync(TranscriptsDb db, Guid institutionId, Guid? learnerId,
        IReadOnlyList<IdentifierDto> identifiers, CancellationToken cancellationToken)
    {
        if (identifiers.GroupBy(i => i.Scheme).Any(g => g.Count() > 1))
        {
            return Problems.Validation("identifiers", "Each scheme appears at most once.");
        }
        foreach (var identifier in identifiers)
        {
            if (await db.LearnerIdentifiers.AnyAsync(i => i.InstitutionId == institutionId && i.Scheme == identifier.Scheme
                    && i.Value == identifier.Value && i.LearnerId != learnerId, cancellationToken))
            {
                return Problems.IdentifierTaken(identifier.Scheme);
            }
        }
        return null;
    }
}
