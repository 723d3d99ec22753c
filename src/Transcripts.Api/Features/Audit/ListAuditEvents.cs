using Microsoft.AspNetCore.Http.HttpResults;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Audit;

internal static class ListAuditEvents
{
    public sealed record Response(Guid Id, long Sequence, string Actor, string Action, string EntityType, string EntityId,
        DateTimeOffset At, string StateHash, string PreviousHash, string Hash)
    {
        public static Response From(AuditEvent e) =>
            new(e.Id, e.Sequence, e.Actor, e.Action, e.EntityType, e.EntityId, e.At, e.StateHash, e.PreviousHash, e.Hash);
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/events", Handle).WithName(nameof(ListAuditEvents))
            .WithSummary("The institution's audit events, newest first, filterable by entity type, entity id and actor (admin)")
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<Response>>, ProblemHttpResult>> Handle(string? entityType, string? entityId, string? actor,
        int? page, int? pageSize, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (Paging.Validate(page, pageSize) is { } errors)
        {
            return Problems.Validation(errors);
        }
        var query = db.AuditEvents.Where(e => e.InstitutionId == caller.InstitutionId);
        if (entityType is not null)
        {
            query = query.Where(e => e.EntityType == entityType);
        }
        if (entityId is not null)
        {
            query = query.Where(e => e.EntityId == entityId);
        }
        if (actor is not null)
        {
            query = query.Where(e => e.Actor == actor);
        }
        return TypedResults.Ok(await query.OrderByDescending(e => e.Sequence).ToPageAsync(page, pageSize, Response.From, cancellationToken));
    }
}
