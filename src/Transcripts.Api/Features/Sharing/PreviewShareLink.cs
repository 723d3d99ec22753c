using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>What whoever opens a share link receives: each shared credential, field by field (the learner; registrars, as a disclosure).</summary>
internal static class PreviewShareLink
{
    public sealed record Response(Guid ShareLinkId, IReadOnlyList<CredentialPreview.Response> Credentials);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/share-links/{id:guid}/preview", Handle).WithName(nameof(PreviewShareLink))
            .WithSummary("What a college opening this share link receives, credential by credential and field by field (the learner; registrars)")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, HttpResponse http, CancellationToken cancellationToken)
    {
        http.Headers.CacheControl = "no-store";
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.InstitutionId == caller.InstitutionId, cancellationToken);
        if (link is null || (caller.IsLearner && link.LearnerId != caller.LearnerId))
        {
            return Problems.NotFound("share link", id);
        }
        var ids = link.CredentialIds.Split(',').Select(Guid.Parse).ToList();
        var credentials = await db.Credentials.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LearnerId == link.LearnerId).ToListAsync(cancellationToken);
        caller.Disclose(db, link.LearnerId, $"share link preview {id}", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Response(link.Id, [.. ids.Select(i => credentials.SingleOrDefault(c => c.Id == i)).OfType<Data.Entities.Credential>()
            .Select(CredentialPreview.Describe)]));
    }
}
