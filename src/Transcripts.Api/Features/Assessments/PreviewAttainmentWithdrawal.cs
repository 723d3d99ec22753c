using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// What withdrawing an attainment would revoke, before a registrar confirms it: the achievement credentials that state it
/// and the transcripts that embed them. Changes nothing; the withdrawal revokes exactly these (unless more are issued meanwhile).
/// </summary>
internal static class PreviewAttainmentWithdrawal
{
    public sealed record Response(Guid AttainmentId, AttainmentStatus Status, int Version,
        IReadOnlyList<AttainmentRevocation.Affected> Achievements, IReadOnlyList<AttainmentRevocation.Affected> Transcripts);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/withdrawal-preview", Handle).WithName(nameof(PreviewAttainmentWithdrawal))
            .WithSummary("The credentials and transcripts a withdrawal of this attainment would revoke (registrar); changes nothing")
            .RequireAuthorization(Policies.Registrar)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        CancellationToken cancellationToken)
    {
        var attainment = await db.Attainments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.InstitutionId == caller.InstitutionId, cancellationToken);
        if (attainment is null)
        {
            return Problems.NotFound("attainment", id);
        }
        var affected = await AttainmentRevocation.FindAsync(db, attainment, cancellationToken);
        return TypedResults.Ok(new Response(attainment.Id, attainment.Status, attainment.RowVersion,
            AttainmentRevocation.Describe(affected.Where(c => c.Kind == CredentialKind.Achievement)),
            AttainmentRevocation.Describe(affected.Where(c => c.Kind == CredentialKind.Transcript))));
    }
}
