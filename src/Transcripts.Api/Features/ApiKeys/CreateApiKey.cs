using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.ApiKeys;

internal static partial class CreateApiKey
{
    public sealed record Request
    {
        [Required, StringLength(200, MinimumLength = 1)]
        public required string Name { get; init; }
        [Required, RegularExpression("^(admin|registrar|assessor|learner)$")]
        public required string Role { get; init; }
        /// <summary>Required for a learner key, absent for any other.</summary>
        public Guid? LearnerId { get; init; }
        /// <summary>When the key stops working by itself; none when absent.</summary>
        public DateTimeOffset? ExpiresAt { get; init; }
    }

    /// <summary>The one response that carries the secret. It is not stored and cannot be shown again.</summary>
    public sealed record Response(Guid Id, string Name, string Role, Guid? LearnerId, string Prefix, string Secret, DateTimeOffset? ExpiresAt);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName("CreateKey")
            .WithSummary("Create an API key for this institution; the secret is in this response only")
            .ProducesValidationProblem();

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, TimeProvider clock, ILogger<Request> logger, CancellationToken cancellationToken)
    {
        if (request.Role == Roles.Learner)
        {
            if (request.LearnerId is not { } learnerId
                || !await db.Learners.AnyAsync(l => l.Id == learnerId && l.InstitutionId == caller.InstitutionId, cancellationToken))
            {
                return Problems.Validation("learnerId", "A learner key needs the id of a learner of this institution.");
            }
        }
        else if (request.LearnerId is not null)
        {
            return Problems.Validation("learnerId", "Only a learner key belongs to a learner.");
        }
        if (request.ExpiresAt <= clock.GetUtcNow())
        {
            return Problems.Validation("expiresAt", "A key's expiry must be in the future.");
        }
        var (secret, key) = ApiKeyAuthentication.NewKey(caller.InstitutionId, request.Role, request.Name, request.LearnerId, clock.GetUtcNow());
        key.ExpiresAt = request.ExpiresAt;
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, key.Id, key.Role, caller.ApiKeyId);
        return TypedResults.Created($"/keys/{key.Id}", new Response(key.Id, key.Name, key.Role, key.LearnerId, key.Prefix, secret, key.ExpiresAt));
    }

    [LoggerMessage(LogEvents.ApiKeyCreated, LogLevel.Information, "API key {KeyId} with role {Role} created by key {ActorKeyId}")]
    private static partial void LogCreated(ILogger logger, Guid keyId, string role, Guid actorKeyId);
}
