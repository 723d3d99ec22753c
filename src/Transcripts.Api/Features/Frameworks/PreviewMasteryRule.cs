using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// What changing the framework's mastery rule would lower and revoke, before a registrar sets it: the rule-derived
/// attainments it lowers and the achievement credentials and transcripts that state them. Nothing is saved.
/// </summary>
internal static class PreviewMasteryRule
{
    public sealed record Response(Guid FrameworkId, int Version, IReadOnlyList<MasteryRuleChange.LoweredAttainment> Lowered,
        IReadOnlyList<AffectedCredentials.Affected> Achievements, IReadOnlyList<AffectedCredentials.Affected> Transcripts);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/mastery-rule/preview", Handle).WithName(nameof(PreviewMasteryRule))
            .WithSummary("The attainments a new mastery rule would lower and the credentials and transcripts it would revoke (registrar); changes nothing")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, MasteryRuleRequest request, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Invalid() is { } invalid)
        {
            return invalid;
        }
        var stored = await db.MasteryRules.AsNoTracking().SingleOrDefaultAsync(r => r.FrameworkId == id
            && db.Frameworks.Any(f => f.Id == id && f.InstitutionId == caller.InstitutionId), cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound("framework", id);
        }
        var proposed = new MasteryRule { Id = stored.Id, FrameworkId = id };
        request.ApplyTo(proposed);
        // The recomputation changes tracked attainments in memory only: this handler never saves.
        var lowered = await MasteryRuleChange.RecomputeAsync(db, caller.InstitutionId, id, proposed, clock.GetUtcNow(), cancellationToken);
        var consequences = MasteryRuleChange.Describe(lowered);
        return TypedResults.Ok(new Response(id, stored.RowVersion, consequences.Lowered, consequences.Achievements, consequences.Transcripts));
    }
}
