using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Operator;

/// <summary>
/// Makes another operator key through the API, for an operator who already holds one (the first is made on the service's
/// machine, see <see cref="OperatorKeys"/>). The secret is in this response only; the row keeps its SHA-256, and the save
/// appends an audit event naming the operator key that made it.
/// </summary>
internal static partial class CreateOperatorKey
{
    public sealed record Request
    {
        [Required, StringLength(200, MinimumLength = 1)]
        public required string Name { get; init; }
    }

    /// <summary>The one response that carries the secret. It is not stored and cannot be shown again.</summary>
    public sealed record Response(Guid Id, string Name, string Prefix, string Secret, DateTimeOffset CreatedAt);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateOperatorKey))
            .WithSummary("Create another operator key; the secret is in this response only (operator)")
            .ProducesValidationProblem();

    internal static async Task<Created<Response>> Handle(Request request, TranscriptsDb db, CurrentCaller caller, TimeProvider clock,
        ILogger<Request> logger, CancellationToken cancellationToken)
    {
        var (secret, key) = ApiKeyAuthentication.NewOperatorKey(request.Name, clock.GetUtcNow());
        db.OperatorKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, key.Id, caller.ApiKeyId);
        return TypedResults.Created($"/operator/keys/{key.Id}", new Response(key.Id, key.Name, key.Prefix, secret, key.CreatedAt));
    }

    [LoggerMessage(LogEvents.OperatorKeyCreatedByOperator, LogLevel.Information, "Operator key {OperatorKeyId} created by operator key {ActorKeyId}")]
    private static partial void LogCreated(ILogger logger, Guid operatorKeyId, Guid actorKeyId);
}
