using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

/// <summary>
/// The DID document of an institution (did:web method §3.2: <c>/.well-known/did.json</c> for the host's own institution,
/// <c>/institutions/{id}/did.json</c> for an institution at that path), listing its keys as Multikey methods.
/// </summary>
internal static class GetDidDocument
{
    public const string MediaType = "application/did+json";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/did.json", HandleHost).WithName("GetHostDidDocument").WithTags("SigningKeys").AllowAnonymous()
            .WithSummary("The DID document of the institution whose public base URL is this host").ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/institutions/{id:guid}/did.json", Handle).WithName(nameof(GetDidDocument)).WithTags("SigningKeys").AllowAnonymous()
            .WithSummary("An institution's DID document").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleHost(HttpContext http, TranscriptsDb db,
        IOptions<SigningOptions> options, CancellationToken cancellationToken)
    {
        var host = http.Request.Host.Host;
        var candidates = await db.Institutions.AsNoTracking().Where(i => i.PublicBaseUrl != null)
            .Select(i => new { i.Id, i.PublicBaseUrl }).ToListAsync(cancellationToken);
        var match = candidates.FirstOrDefault(i => Uri.TryCreate(i.PublicBaseUrl, UriKind.Absolute, out var u)
            && string.Equals(u.Host, host, StringComparison.OrdinalIgnoreCase) && u.AbsolutePath.Trim('/').Length == 0);
        return match is null ? Problems.NotFound("DID document for host", Guid.Empty) : await Handle(match.Id, db, options, cancellationToken);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Handle(Guid id, TranscriptsDb db,
        IOptions<SigningOptions> options, CancellationToken cancellationToken)
    {
        var document = await DidDocuments.ForAsync(db, id, options.Value, cancellationToken);
        return document is null ? Problems.NotFound("DID document of institution", id)
            : TypedResults.Text(document.ToJsonString(), MediaType);
    }
}
