using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>
/// Anyone with the token sees exactly the shared credentials, as issued, while the link is live. Every read is a
/// disclosure (recorded against the key that created the link). An unknown, expired or withdrawn token is a 404.
/// </summary>
internal static class OpenShareLink
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/share/{token}", Handle).WithName(nameof(OpenShareLink)).WithTags("Sharing").AllowAnonymous()
            .WithSummary("The credentials a learner shared through this link")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(string token, TranscriptsDb db, TimeProvider clock,
        ILogger<ShareLink> logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = CreateShareLink.HashOf(token);
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || link.WithdrawnAt is not null || link.ExpiresAt <= now)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "not-found", "Not found", "This share link does not exist, has expired or was withdrawn.");
        }
        var ids = link.CredentialIds.Split(',').Select(Guid.Parse).ToList();
        var credentials = await db.Credentials.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LearnerId == link.LearnerId).ToListAsync(cancellationToken);
        db.Disclosures.Add(new Disclosure
        {
            InstitutionId = link.InstitutionId, LearnerId = link.LearnerId, ApiKeyId = link.CreatedByKeyId, Role = "share-link",
            Record = $"share link {link.Id}", At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.ShareLinkOpened(logger, link.Id);
        return TypedResults.File(LearnerCredentials.AsPresentation(ids.Select(id => credentials.Single(c => c.Id == id))), "application/json");
    }
}
