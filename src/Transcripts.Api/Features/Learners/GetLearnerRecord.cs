using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class GetLearnerRecord
{
    public sealed record AttainmentLine(Guid AttainmentId, Guid CompetencyId, string? CompetencyCode, string Competency,
        AttainmentStatus Status, string? Level, double? Score, DateTimeOffset UpdatedAt, int Version);

    public sealed record Response(LearnerResponse Learner, IReadOnlyList<AttainmentLine> Attainments, int EvidenceCount, int AssessmentCount);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/record", Handle).WithName(nameof(GetLearnerRecord))
            .WithSummary("A learner's record: profile and every attainment with its level; staff reads are disclosed to the learner")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        // The learner, their identifiers and the two counts in one query; the attainment lines in a second.
        var found = await LearnerAccess.Visible(db, caller, id).AsNoTracking()
            .Select(l => new
            {
                Learner = l,
                Identifiers = l.Identifiers.ToList(),
                Evidence = db.Evidence.Count(e => e.LearnerId == id),
                Assessments = db.Assessments.Count(a => a.LearnerId == id),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Problems.NotFound("learner", id);
        }
        found.Learner.Identifiers = found.Identifiers;
        var lines = await (from a in db.Attainments.Where(a => a.LearnerId == id)
                           join c in db.Competencies on a.CompetencyId equals c.Id
                           join l in db.Levels on a.LevelId equals l.Id into levels
                           from l in levels.DefaultIfEmpty()
                           orderby c.HumanCode, c.Id
                           select new AttainmentLine(a.Id, c.Id, c.HumanCode, c.FullStatement, a.Status, l == null ? null : l.Title, a.Score, a.UpdatedAt, a.RowVersion))
            .ToListAsync(cancellationToken);
        caller.Disclose(db, id, "record", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(LearnerResponse.From(found.Learner), lines, found.Evidence, found.Assessments));
    }
}
