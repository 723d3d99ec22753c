using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

/// <summary>Every share link of a learner, live or not, with who made it (and a registrar's reason) and how often it was opened.</summary>
internal static class ListShareLinks
{
    public sealed record Response(Guid Id, IReadOnlyList<Guid> CredentialIds, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
        DateTimeOffset? WithdrawnAt, int OpenCount, int MaxOpens, bool IsLive, bool MadeByStaff, string? StaffReason)
    {
        public static Response From(ShareLink l, DateTimeOffset now) => new(l.Id, [.. l.CredentialIds.Split(',').Select(Guid.Parse)], l.CreatedAt,
            l.ExpiresAt, l.WithdrawnAt, l.OpenCount, l.MaxOpens, l.WithdrawnAt is null && l.ExpiresAt > now && l.OpenCount < l.MaxOpens,
            l.CreatedReason is not null, l.CreatedReason);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/learners/{learnerId:guid}/share-links", Handle).WithName(nameof(ListShareLinks))
            .WithSummary("All of a learner's share links, with their opens and, for links a registrar made, the reason (the learner; registrars)")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<IReadOnlyList<Response>>, ProblemHttpResult>> Handle(Guid learnerId, TranscriptsDb db, CurrentCaller caller,
        TimeProvider clock, HttpResponse http, CancellationToken cancellationToken)
    {
        http.Headers.CacheControl = "no-store";
        if (await LearnerAccess.FindAsync(db, caller, learnerId, cancellationToken) is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        var now = clock.GetUtcNow();
        var links = await db.ShareLinks.AsNoTracking().Where(l => l.LearnerId == learnerId && l.InstitutionId == caller.InstitutionId)
            .OrderBy(l => l.Id).ToListAsync(cancellationToken);
        caller.Disclose(db, learnerId, "share links", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Response>>([.. links.Select(l => Response.From(l, now))]);
    }
}
