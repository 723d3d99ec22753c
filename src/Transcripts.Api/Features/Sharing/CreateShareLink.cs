using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

internal static class CreateShareLink
{
    public sealed record Request
    {
        [Required, MinLength(1), MaxLength(100)]
        public required IReadOnlyList<Guid> CredentialIds { get; init; }

        /// <summary>When the link stops working; default <see cref="SharingOptions.DefaultLifetime"/> from now.</summary>
        public DateTimeOffset? ExpiresAt { get; init; }
    }

    /// <summary>The token is in this answer only; the service keeps its hash.</summary>
    public sealed record Response(Guid Id, string Token, string Url, DateTimeOffset ExpiresAt, IReadOnlyList<Guid> CredentialIds);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/learners/{learnerId:guid}/share-links", Handle).WithName(nameof(CreateShareLink))
            .WithSummary("Share chosen credentials through an unguessable link that expires and can be withdrawn")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(Guid learnerId, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, IOptions<SharingOptions> options, ILogger<ShareLink> logger, CancellationToken cancellationToken)
    {
        var (learner, credentials, missing) = await LearnerCredentials.LoadAsync(db, caller, learnerId, request.CredentialIds, cancellationToken);
        if (learner is null)
        {
            return Problems.NotFound("learner", learnerId);
        }
        if (missing is { } id)
        {
            return Problems.Validation(nameof(Request.CredentialIds), $"Credential {id} is not one of this learner's credentials.");
        }
        var now = clock.GetUtcNow();
        var expiresAt = request.ExpiresAt ?? now + options.Value.DefaultLifetime;
        if (expiresAt <= now || expiresAt > now + options.Value.MaxLifetime)
        {
            return Problems.Validation(nameof(Request.ExpiresAt), $"The expiry must be in the future and within {options.Value.MaxLifetime.TotalDays:N0} days.");
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var link = new ShareLink
        {
            InstitutionId = learner.InstitutionId, LearnerId = learnerId, TokenHash = HashOf(token),
            CredentialIds = string.Join(',', credentials.Select(c => c.Id)), CreatedByKeyId = caller.ApiKeyId, CreatedAt = now, ExpiresAt = expiresAt,
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        Log.ShareLinkCreated(logger, link.Id, credentials.Count, expiresAt);
        return TypedResults.Created($"/share-links/{link.Id}",
            new Response(link.Id, token, $"/share/{token}", expiresAt, credentials.Select(c => c.Id).ToList()));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
