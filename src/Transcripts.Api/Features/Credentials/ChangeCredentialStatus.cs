using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// Revoke, suspend and unsuspend: the credential's bit in its status list changes and the list is re-signed in the same
/// save. A concurrent change to the same list makes the save fail its version check; the whole change is then redone
/// from fresh reads, so no bit is lost.
/// </summary>
internal static class ChangeCredentialStatus
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 3)]
        public required string Reason { get; init; }
    }

    private enum Change { Revoke, Suspend, Unsuspend }

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/{id:guid}/revoke", (Guid id, Request request, TranscriptsDb db, CurrentCaller caller, SigningKeyService keys,
                StatusListService lists, TimeProvider clock, ILogger<CredentialIssuer> logger, CancellationToken ct) =>
                HandleAsync(Change.Revoke, id, request, db, caller, keys, lists, clock, logger, ct))
            .WithName("RevokeCredential").WithSummary("Revoke an issued credential; its revocation bit is set and the list re-signed")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/suspend", (Guid id, Request request, TranscriptsDb db, CurrentCaller caller, SigningKeyService keys,
                StatusListService lists, TimeProvider clock, ILogger<CredentialIssuer> logger, CancellationToken ct) =>
                HandleAsync(Change.Suspend, id, request, db, caller, keys, lists, clock, logger, ct))
            .WithName("SuspendCredential").WithSummary("Suspend a credential; its suspension bit is set")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/unsuspend", (Guid id, Request request, TranscriptsDb db, CurrentCaller caller, SigningKeyService keys,
                StatusListService lists, TimeProvider clock, ILogger<CredentialIssuer> logger, CancellationToken ct) =>
                HandleAsync(Change.Unsuspend, id, request, db, caller, keys, lists, clock, logger, ct))
            .WithName("UnsuspendCredential").WithSummary("Lift a suspension; the suspension bit is cleared")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> HandleAsync(Change change, Guid id, Request request,
        TranscriptsDb db, CurrentCaller caller, SigningKeyService keys, StatusListService lists, TimeProvider clock,
        ILogger<CredentialIssuer> logger, CancellationToken cancellationToken) =>
        StatusListService.RetryOnConflictAsync(db, async () =>
        {
            var credential = await db.Credentials.SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == caller.InstitutionId, cancellationToken);
            if (credential is null)
            {
                return (Results<Ok<CredentialResponse>, ProblemHttpResult>)Problems.NotFound("credential", id);
            }
            if (credential.RevokedAt is { } revokedAt)
            {
                return Problems.AlreadyRevoked(id, revokedAt);
            }
            if (change != Change.Revoke && credential.IsSuspended == (change == Change.Suspend))
            {
                return Problems.SuspensionUnchanged(id, credential.IsSuspended);
            }
            if (change != Change.Revoke && credential.SuspensionListId is null)
            {
                return Problems.SuspensionNotAvailable(id);
            }
            var (signer, problem) = await keys.OpenSignerAsync(db, caller.InstitutionId, clock, cancellationToken);
            if (signer is null)
            {
                return problem!;
            }
            using (signer)
            {
                if (change == Change.Revoke)
                {
                    credential.RevokedAt = signer.Now;
                    credential.RevocationReason = request.Reason;
                    await lists.SetAsync(credential.RevocationListId, credential.RevocationIndex, true, signer, cancellationToken);
                }
                else
                {
                    credential.IsSuspended = change == Change.Suspend;
                    credential.SuspensionReason = credential.IsSuspended ? request.Reason : null;
                    await lists.SetAsync(credential.SuspensionListId!.Value, credential.SuspensionIndex!.Value, credential.IsSuspended, signer, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            Log.StatusChanged(logger, id, change == Change.Revoke ? StatusListService.Revocation : StatusListService.Suspension, change != Change.Unsuspend);
            return TypedResults.Ok(CredentialResponse.From(credential));
        });
}
