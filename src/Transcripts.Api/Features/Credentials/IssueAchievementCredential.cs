using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

internal static class IssueAchievementCredential
{
    public sealed record Request
    {
        public required Guid AttainmentId { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/achievements", Handle).WithName(nameof(IssueAchievementCredential))
            .WithSummary("Issue (or return the current) Open Badges 3.0 AchievementCredential for an attainment")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, SigningKeyService keys, CredentialIssuer issuer, TimeProvider clock, CancellationToken cancellationToken) =>
        await ConflictRetry.RunAsync(db, async () =>
        {
            var attainment = await db.Attainments.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Id == request.AttainmentId && a.InstitutionId == caller.InstitutionId, cancellationToken);
            if (attainment is null)
            {
                return (Results<Ok<CredentialResponse>, ProblemHttpResult>)Problems.NotFound("attainment", request.AttainmentId);
            }
            if (attainment.Status != AttainmentStatus.Attained || attainment.LevelId is null)
            {
                return Problems.AttainmentNotAttained(attainment.Id);
            }
            var (signer, problem) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
            if (signer is null)
            {
                return problem!.Value.ToProblem();
            }
            using (signer)
            {
                var (credential, _) = await issuer.IssueAsync(signer, attainment.LearnerId, [attainment.Id], TranscriptScope.None, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(CredentialResponse.From(credential));
            }
        }, cancellationToken);
}
