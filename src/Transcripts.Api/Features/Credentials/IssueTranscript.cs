using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

internal static class IssueTranscript
{
    public sealed record Request
    {
        public required Guid LearnerId { get; init; }

        /// <summary>A subset of the learner's attained attainments; all of them when omitted.</summary>
        [MaxLength(1000)]
        public IReadOnlyList<Guid>? AttainmentIds { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/transcripts", Handle).WithName(nameof(IssueTranscript))
            .WithSummary("Issue a CLR 2.0 transcript embedding the learner's signed achievement credentials (all, or a chosen subset)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static async Task<Results<Created<CredentialResponse>, Ok<CredentialResponse>, ProblemHttpResult>> Handle(Request request,
        TranscriptsDb db, CurrentCaller caller, SigningKeyService keys, CredentialIssuer issuer, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await ConflictRetry.RunAsync(db, async () =>
        {
            var learner = await db.Learners.AsNoTracking()
                .SingleOrDefaultAsync(l => l.Id == request.LearnerId && l.InstitutionId == caller.InstitutionId, cancellationToken);
            if (learner is null)
            {
                return (Results<Created<CredentialResponse>, Ok<CredentialResponse>, ProblemHttpResult>)Problems.NotFound("learner", request.LearnerId);
            }
            var attainments = await db.Attainments.AsNoTracking().Where(a => a.LearnerId == learner.Id).ToListAsync(cancellationToken);
            if (request.AttainmentIds is { } chosen)
            {
                if (chosen.FirstOrDefault(id => attainments.All(a => a.Id != id)) is var missing && missing != Guid.Empty)
                {
                    return Problems.NotFound("attainment", missing);
                }
                if (attainments.FirstOrDefault(a => chosen.Contains(a.Id) && (a.Status != AttainmentStatus.Attained || a.LevelId is null)) is { } withdrawn)
                {
                    return Problems.AttainmentNotAttained(withdrawn.Id);
                }
                attainments = attainments.Where(a => chosen.Contains(a.Id)).ToList();
            }
            attainments = attainments.Where(a => a.Status == AttainmentStatus.Attained && a.LevelId is not null).ToList();
            if (attainments.Count == 0)
            {
                return Problems.NothingToIssue(learner.Id);
            }
            var (signer, problem) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
            if (signer is null)
            {
                return problem!.Value.ToProblem();
            }
            using (signer)
            {
                var (credential, isNew) = await issuer.IssueAsync(signer, learner.Id, request.AttainmentIds,
                    request.AttainmentIds is null ? TranscriptScope.Full : TranscriptScope.Partial, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return isNew ? TypedResults.Created($"/credentials/{credential.Id}", CredentialResponse.From(credential))
                    : TypedResults.Ok(CredentialResponse.From(credential));
            }
        }, cancellationToken);
}
