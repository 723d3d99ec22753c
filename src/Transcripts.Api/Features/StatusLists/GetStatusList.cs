using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.StatusLists;

internal static class GetStatusList
{
    public const string MediaType = "application/vc";

    // What the answer may be labelled, best first when the client's preferences tie: the VC media type, then the JSON-LD
    // and plain JSON types that common JavaScript clients parse (they read only JSON media types as JSON).
    private static readonly string[] s_offered = [MediaType, "application/ld+json", "application/json"];

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id:guid}", Handle).WithName(nameof(GetStatusList))
            .WithSummary("The signed BitstringStatusListCredential, with an ETag; If-None-Match answers 304. "
                + "Labelled application/vc unless the Accept header prefers application/ld+json or application/json")
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
        http.Response.Headers.Vary = "Accept";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(etag, useStrongComparison: false) || m.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.File(list.Bytes, Negotiate(http.Request.GetTypedHeaders().Accept));
    }

    /// <summary>The offered type the Accept header ranks highest (ties and wildcards go to application/vc).</summary>
    public static string Negotiate(IList<MediaTypeHeaderValue>? accept)
    {
        if (accept is not { Count: > 0 })
        {
            return MediaType;
        }
        var best = MediaType;
        var bestQuality = -1.0;
        foreach (var offered in s_offered)
        {
            var quality = accept.Where(a => new MediaTypeHeaderValue(offered).IsSubsetOf(a))
                .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(0).Max();
            if (quality > bestQuality)
            {
                (best, bestQuality) = (offered, quality);
            }
        }
        return bestQuality > 0 ? best : MediaType;
    }
}
