using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.StatusLists;

internal static class GetStatusList
{
    public const string MediaType = "application/vc";

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetStatusList))
            .WithSummary("The signed BitstringStatusListCredential, with an ETag; If-None-Match answers 304")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> Handle(
        Guid id, HttpContext http, TranscriptsDb db, CancellationToken cancellationToken)
    {
        var list = await db.StatusLists.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new { l.Bytes }).SingleOrDefaultAsync(cancellationToken);
        if (list is null)
        {
            return Problems.NotFound("status list", id);
        }
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(list.Bytes))[..32] + "\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(etag, useStrongComparison: false) || m.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.File(list.Bytes, MediaType);
    }
}
