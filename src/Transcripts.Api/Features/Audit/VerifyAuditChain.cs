using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Audit;

internal static class VerifyAuditChain
{
    /// <summary>The chain is one for the whole database; a break is named by sequence number and event id only.</summary>
    public sealed record Response(bool IsIntact, long EventsChecked, long? FirstBrokenSequence, Guid? FirstBrokenEventId, string? Reason);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/verify", Handle).WithName(nameof(VerifyAuditChain))
            .WithSummary("Check the audit hash chain, and every row against the state its last event recorded; names the first broken event (admin)");

    private static async Task<Ok<Response>> Handle(TranscriptsDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CheckAsync(db, cancellationToken));

    /// <summary>
    /// Two checks. The chain: streamed in sequence order, each event must link to the one before and match its own hash.
    /// The rows: each row must hash to the state its latest event recorded, so a row edited behind the service's back
    /// is named by that event.
    /// </summary>
    public static async Task<Response> CheckAsync(TranscriptsDb db, CancellationToken cancellationToken)
    {
        var count = 0L;
        var previous = AuditChain.Genesis;
        var latest = new Dictionary<(string Type, string Id), (long Sequence, Guid EventId, string StateHash)>();
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (AuditChain.FindFirstBreak(e, count, previous) is { } broken)
            {
                return new Response(false, count, broken.Sequence, broken.EventId, broken.Reason);
            }
            previous = e.Hash;
            latest[(e.EntityType, e.EntityId)] = (e.Sequence, e.Id, e.StateHash);
        }
        var mismatch = await AuditStateCheck.FirstMismatchAsync(db, latest, cancellationToken);
        return mismatch is null
            ? new Response(true, count, null, null, null)
            : new Response(false, count, mismatch.Sequence, mismatch.EventId, mismatch.Reason);
    }
}
