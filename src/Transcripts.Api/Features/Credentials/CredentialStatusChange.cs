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
internal static class CredentialStatusChange
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 3)]
        public required string Reason { get; init; }
    }

    public enum Change { Revoke, Suspend, Unsuspend }

    /// <summary>The services a change needs, bound from the endpoint's parameters.</summary>
    public sealed record Services(TranscriptsDb Db, CurrentCaller Caller, SigningKeyService Keys, StatusListService Lists, TimeProvider Clock,
        ILogger<CredentialIssuer> Logger);

    public static Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> ApplyAsync(Change change, Guid id, Request request,
        Services services, CancellationToken cancellationToken) =>
        ApplyAsync(change, id, request, services.Db, services.Caller, services.Keys, services.Lists, services.Clock, services.Logger, cancellationToken);

    private static Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> ApplyAsync(Change change, Guid id, Request request,
        TranscriptsDb db, CurrentCaller caller, SigningKeyService keys, StatusListService lists, TimeProvider clock,
        ILogger<CredentialIssuer> logger, CancellationToken cancellationToken) =>
        ConflictRetry.RunAsync(db, async () =>
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
                return problem!.Value.ToProblem();
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
        }, cancellationToken);
}
