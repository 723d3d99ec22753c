using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Audit;

/// <summary>
/// The head of this institution's audit and disclosure chains, signed with its current signing key, for the admin to archive
/// outside the service; it is also kept as a published head that later checks compare with.
/// </summary>
internal static class PublishAuditHead
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/head", Handle).WithName(nameof(PublishAuditHead))
            .WithSummary("Sign and publish the head of the institution's audit and disclosure chains, to archive elsewhere (admin)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> Handle(TranscriptsDb db, SigningKeyService keys,
        CurrentCaller caller, AuditHeadPublisher publisher, HttpResponse response, CancellationToken cancellationToken)
    {
        response.Headers.CacheControl = "no-store";
        var (document, _, problem) = await publisher.PublishAsync(db, keys, caller.InstitutionId, onlyIfMoved: false, cancellationToken);
        return document is null ? problem!.Value.ToProblem() : TypedResults.Ok(document);
    }
}
