using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// What revoking or suspending a credential touches, before a registrar confirms it: whether it can be suspended at all
/// (only credentials with a suspension entry), the transcripts in force that embed it (they stay valid, and still show it,
/// unless revoked too), the transcript that superseded it, and the share links in force through which colleges will now
/// see it as revoked or suspended. Changes nothing but the learner's record of disclosures.
/// </summary>
internal static class PreviewCredentialStatusChange
{
    public sealed record Response(Guid CredentialId, string Kind, Guid? LearnerId, Guid? AttainmentId, DateTimeOffset IssuedAt,
        bool IsRevoked, string? RevocationReason, bool IsSuspended, string? SuspensionReason, bool CanSuspend, Guid? SupersededById,
        IReadOnlyList<AffectedCredentials.Affected> EmbeddingTranscripts, int ShareLinksInForce, int Version);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}/status-change-preview", Handle).WithName(nameof(PreviewCredentialStatusChange))
            .WithSummary("What revoking or suspending a credential affects: embedding transcripts, share links, whether it can be suspended (registrar); changes nothing")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.InstitutionId == caller.InstitutionId, cancellationToken);
        if (credential is null)
        {
            return Problems.NotFound("credential", id);
        }
        List<Credential> embedding = [];
        var shareLinks = 0;
        if (credential.LearnerId is { } learnerId)
        {
            if (credential.Kind == CredentialKind.Achievement)
            {
                var urn = new HashSet<string>([AchievementCredentialBuilder.Urn(credential.Id)], StringComparer.Ordinal);
                var transcripts = await db.Credentials.AsNoTracking().Where(c => c.LearnerId == learnerId && c.Kind == CredentialKind.Transcript
                    && c.RevokedAt == null).ToListAsync(cancellationToken);
                embedding = [.. transcripts.Where(t => AffectedCredentials.Embeds(t, urn)).OrderBy(t => t.IssuedAt)];
            }
            var now = clock.GetUtcNow();
            var text = credential.Id.ToString();
            var links = await db.ShareLinks.AsNoTracking().Where(l => l.LearnerId == learnerId && l.WithdrawnAt == null).ToListAsync(cancellationToken);
            shareLinks = links.Count(l => l.ExpiresAt > now && l.OpenCount < l.MaxOpens
                && l.CredentialIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(text, StringComparer.OrdinalIgnoreCase));
            caller.Disclose(db, learnerId, $"credential status preview {id}", now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new Response(credential.Id, credential.Kind.ToString(), credential.LearnerId, credential.AttainmentId,
            credential.IssuedAt, credential.RevokedAt is not null, credential.RevocationReason, credential.IsSuspended, credential.SuspensionReason,
            credential.SuspensionListId is not null, credential.SupersededById, AffectedCredentials.Describe(embedding), shareLinks, credential.RowVersion));
    }
}
