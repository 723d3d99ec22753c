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

    /// <summary>
    /// The filters, all optional and combined: the entity's type and id, the actor exactly (<c>person:{id}</c>, <c>key:{id}</c>,
    /// <c>system</c>) or by kind (<c>person</c>, <c>key</c>, <c>system</c>), and a time range from <c>since</c> (inclusive)
    /// to <c>until</c> (exclusive). Ids only: no filter takes a person's name.
    /// </summary>
    public sealed record Filter(string? EntityType = null, string? EntityId = null, string? Actor = null, string? ActorKind = null,
        DateTimeOffset? Since = null, DateTimeOffset? Until = null);

    /// <summary>The kinds of actor an audit event names (<see cref="AuditContext.Actor"/>).</summary>
    public static readonly IReadOnlyList<string> ActorKinds = ["person", "key", AuditContext.System];

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/events", Handle).WithName(nameof(ListAuditEvents))
            .WithSummary("The institution's audit events, newest first, filterable by entity type, entity id, actor or kind of actor, and time range (admin)")
            .ProducesValidationProblem();

    internal static async Task<Results<Ok<Page<Response>>, ProblemHttpResult>> Handle([AsParameters] Filter filter,
        int? page, int? pageSize, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        var errors = Paging.Validate(page, pageSize) ?? [];
        if (filter.ActorKind is { } kind && !ActorKinds.Contains(kind))
        {
            errors["actorKind"] = [$"actorKind is one of {string.Join(", ", ActorKinds)}."];
        }
        if (TimeRange.Check(filter.Since, filter.Until) is { } range)
        {
            errors["until"] = [range];
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var query = db.AuditEvents.Where(e => e.InstitutionId == caller.InstitutionId);
        if (filter.EntityType is { } entityType)
        {
            query = query.Where(e => e.EntityType == entityType);
        }
        if (filter.EntityId is { } entityId)
        {
            query = query.Where(e => e.EntityId == entityId);
        }
        if (filter.Actor is { } actor)
        {
            query = query.Where(e => e.Actor == actor);
        }
        if (filter.ActorKind is { } actorKind)
        {
            var prefix = actorKind + ":";
            query = actorKind == AuditContext.System ? query.Where(e => e.Actor == AuditContext.System) : query.Where(e => e.Actor.StartsWith(prefix));
        }
        if (filter.Since is { } since)
        {
            query = query.Where(e => e.At >= since);
        }
        if (filter.Until is { } until)
        {
            query = query.Where(e => e.At < until);
        }
        return TypedResults.Ok(await query.OrderByDescending(e => e.Sequence).ToPageAsync(page, pageSize, Response.From, cancellationToken));
    }
}
