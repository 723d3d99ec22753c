using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Audit;

internal static class VerifyAuditChain
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/verify", Handle).WithName(nameof(VerifyAuditChain))
            .WithSummary("Check this institution's keyed audit and disclosure chains, its rows against the state their last event recorded, and the last published head; names the first broken event of this institution only (admin)");

    internal static async Task<Ok<InstitutionAuditCheck.Response>> Handle(TranscriptsDb db, AuditKey key, CurrentCaller caller,
        IOptions<StorageOptions> storage, CancellationToken cancellationToken) =>
        TypedResults.Ok(await InstitutionAuditCheck.CheckAsync(db, key, caller.InstitutionId,
            AuditHead.LatestPublished(storage.Value.DataDirectory, caller.InstitutionId), cancellationToken));
}
