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

        /// <summary>How many times the link may be opened; default <see cref="SharingOptions.DefaultMaxOpens"/>.</summary>
        public int? MaxOpens { get; init; }

        /// <summary>Required when a registrar creates the link on the learner's behalf; the learner sees it in their list.</summary>
        [StringLength(500)]
        public string? Reason { get; init; }
    }

    /// <summary>The token is in this answer only; the service keeps its hash.</summary>
    /// <remarks>
    /// <see cref="Url"/> carries the token in its fragment, which browsers and proxies never send or log; a program sends the
    /// token in the <c>X-Share-Token</c> header to <c>GET /share</c>.
    /// </remarks>
    public sealed record Response(Guid Id, string Token, string Url, DateTimeOffset ExpiresAt, int MaxOpens, IReadOnlyList<Guid> CredentialIds);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/learners/{learnerId:guid}/share-links", Handle).WithName(nameof(CreateShareLink))
            .WithSummary("Share chosen credentials through an unguessable link that expires, opens a limited number of times and can be withdrawn (the learner; a registrar only with a reason)")
            .RequireAuthorization(Policies.LearnerOrRegistrar)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(Guid learnerId, Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, IOptions<SharingOptions> options, HttpResponse http, ILogger<ShareLink> logger,
        CancellationToken cancellationToken)
    {
        http.Headers.CacheControl = "no-store";
        var reason = request.Reason?.Trim();
        if (caller.IsStaff && string.IsNullOrEmpty(reason))
        {
            return Problems.Validation(nameof(Request.Reason),
                "A share link is the learner's to make; a registrar making one on their behalf gives the reason, which the learner sees.");
        }
        var maxOpens = request.MaxOpens ?? Math.Min(options.Value.DefaultMaxOpens, options.Value.MaxOpensLimit);
        if (maxOpens < 1 || maxOpens > options.Value.MaxOpensLimit)
        {
            return Problems.Validation(nameof(Request.MaxOpens), $"maxOpens is between 1 and {options.Value.MaxOpensLimit}.");
        }
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
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var link = new ShareLink
        {
            InstitutionId = learner.InstitutionId, LearnerId = learnerId, TokenHash = HashOf(token),
            CredentialIds = string.Join(',', credentials.Select(c => c.Id)), CreatedByKeyId = caller.ApiKeyId, CreatedAt = now, ExpiresAt = expiresAt,
            MaxOpens = maxOpens, CreatedReason = caller.IsStaff ? reason : null,
        };
        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        Log.ShareLinkCreated(logger, link.Id, credentials.Count, expiresAt);
        return TypedResults.Created($"/share-links/{link.Id}",
            new Response(link.Id, token, $"/share#{token}", expiresAt, maxOpens, credentials.Select(c => c.Id).ToList()));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
}
