using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Audit;

internal static class VerifyAuditChain
{
    /// <summary>The chain is one for the whole database; a break is named by sequence number and event id only.</summary>
    public sealed record Response(bool IsIntact, long EventsChecked, long? FirstBrokenSequence, Guid? FirstBrokenEventId, string? Reason);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/verify", Handle).WithName(nameof(VerifyAuditChain))
            .WithSummary("Check the whole audit hash chain and name the first broken event (admin)");

    private static async Task<Ok<Response>> Handle(TranscriptsDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CheckAsync(db, cancellationToken));

    /// <summary>Streams the chain in sequence order, so the check runs in constant memory.</summary>
    public static async Task<Response> CheckAsync(TranscriptsDb db, CancellationToken cancellationToken)
    {
        var count = 0L;
        var events = new List<AuditEvent>();
        AuditBreak? broken = null;
        string previous = AuditChain.Genesis;
        var expected = 1L;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            broken = AuditChain.FindFirstBreak(e, expected, previous);
            if (broken is not null)
            {
                break;
            }
            previous = e.Hash;
            expected++;
        }
        return broken is null
            ? new Response(true, count, null, null, null)
            : new Response(false, count, broken.Sequence, broken.EventId, broken.Reason);
    }
}
