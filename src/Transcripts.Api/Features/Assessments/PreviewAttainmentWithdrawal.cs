using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// What withdrawing an attainment would revoke, before a registrar confirms it: the achievement credentials that state it
/// and the transcripts that embed them. With <c>?levelId=</c>, what awarding that level instead would revoke: the same
/// credentials when the level is lower than the attained one, none otherwise. Changes nothing; the withdrawal or award
/// revokes exactly these (unless more are issued meanwhile). A mastery rule change has its own preview.
/// </summary>
internal static class PreviewAttainmentWithdrawal
{
    public sealed record Response(Guid AttainmentId, AttainmentStatus Status, int Version,
        IReadOnlyList<AffectedCredentials.Affected> Achievements, IReadOnlyList<AffectedCredentials.Affected> Transcripts);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/withdrawal-preview", Handle).WithName(nameof(PreviewAttainmentWithdrawal))
            .WithSummary("The credentials and transcripts a withdrawal of this attainment, or an award at ?levelId=, would revoke (registrar); changes nothing")
            .RequireAuthorization(Policies.Registrar)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, Guid? levelId, TranscriptsDb db, CurrentCaller caller,
        CancellationToken cancellationToken)
    {
        var attainment = await db.Attainments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (attainment is null)
        {
            return Problems.NotFound("attainment", id);
        }
        var affected = await AttainmentRevocation.FindAsync(db, attainment, cancellationToken);
        if (levelId is { } level)
        {
            if (await AssessmentChecks.CheckAsync(db, caller.InstitutionId, attainment.LearnerId, attainment.CompetencyId, level, null, cancellationToken) is { } errors)
            {
                return Problems.Validation(errors);
            }
            var awarded = new Attainment { Id = attainment.Id, LearnerId = attainment.LearnerId, Status = AttainmentStatus.Attained, LevelId = level };
            if (!await AttainmentDowngrade.IsLoweredAsync(db, AttainmentDowngrade.Of(attainment), awarded, cancellationToken))
            {
                affected = [];
            }
        }
        return TypedResults.Ok(new Response(attainment.Id, attainment.Status, attainment.RowVersion,
            AffectedCredentials.Describe(affected.Where(c => c.Kind == CredentialKind.Achievement)),
            AffectedCredentials.Describe(affected.Where(c => c.Kind == CredentialKind.Transcript))));
    }
}
