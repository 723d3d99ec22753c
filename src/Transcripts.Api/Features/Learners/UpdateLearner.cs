using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class UpdateLearner
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
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/{id:guid}", Handle).WithName(nameof(UpdateLearner))
            .WithSummary("Edit a learner (registrar); the identifiers given replace the learner's identifiers")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<LearnerResponse>, ProblemHttpResult>> Handle(Guid id, Request request, TranscriptsDb db,
        CurrentCaller caller, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.Include(l => l.Identifiers)
            .SingleOrDefaultAsync(l => l.Id == id && l.InstitutionId == caller.InstitutionId, cancellationToken);
        if (learner is null)
        {
            return Problems.NotFound("learner", id);
        }
        if (await IdentifierClash.FindAsync(db, caller.InstitutionId, id, request.Identifiers, cancellationToken) is { } clash)
        {
            return clash;
        }
        if (learner.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("learner", id, learner.RowVersion);
        }
        learner.Name = request.Name;
        learner.Email = request.Email;
        learner.DateOfBirth = request.DateOfBirth;
        foreach (var gone in learner.Identifiers.Where(i => !request.Identifiers.Any(r => r.Scheme == i.Scheme && r.Value == i.Value)).ToList())
        {
            learner.Identifiers.Remove(gone);
            db.LearnerIdentifiers.Remove(gone);
        }
        foreach (var added in request.Identifiers.Where(r => !learner.Identifiers.Any(i => i.Scheme == r.Scheme && i.Value == r.Value)))
        {
            // Added explicitly: EF would take a new row with its key already set, found through a tracked learner, for an existing one.
            var identifier = new LearnerIdentifier { LearnerId = id, InstitutionId = caller.InstitutionId, Scheme = added.Scheme, Value = added.Value };
            learner.Identifiers.Add(identifier);
            db.LearnerIdentifiers.Add(identifier);
        }
        // An identifier-only change still moves the learner's version, so a stale editor finds out.
        db.Entry(learner).Property(l => l.Name).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LearnerResponse.From(learner));
    }
}
