using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.VcApi;
using Transcripts.Api.Features.Verification;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Verification;

namespace Transcripts.Api.Features.Sharing;

/// <summary>
/// <c>GET /share</c> with the token in the <c>X-Share-Token</c> header (a link carries it in the URL fragment, which never reaches
/// a server or a proxy's log): exactly the shared credentials, as issued, while the link is live and has opens left. Each open
/// counts against the link's limit (one atomic counter update, so two racing opens cannot both take the last one) and writes
/// one disclosure, so disclosures per link are bounded by the limit. Unknown, expired and withdrawn tokens are a 404 alike.
/// </summary>
internal static class OpenShareLink
{
    public const string TokenHeader = "X-Share-Token";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/share", Handle).WithName(nameof(OpenShareLink)).WithTags("Sharing").AllowAnonymous()
            .WithSummary("The credentials a learner shared; the token goes in the X-Share-Token header. A browser opening the link "
                + "(Accept: text/html, no token) gets the page that reads the token from the fragment; ?format=page adds this service's verdicts")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        // Links made before the token moved out of the path: answered without looking the token up or writing it anywhere.
        app.MapGet("/share/{token}", RetiredPath).WithName("OpenShareLinkByPath").WithTags("Sharing").AllowAnonymous()
            .WithSummary("Retired: share tokens no longer travel in the path (410, the token is not read)")
            .ProducesProblem(StatusCodes.Status410Gone);
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> Handle(HttpRequest request, string? format,
        TranscriptsDb db, VerificationContext verification, TimeProvider clock, ILogger<ShareLink> logger, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        string? token = request.Headers[TokenHeader];
        if (string.IsNullOrWhiteSpace(token) && IsBrowserNavigation(request))
        {
            // A person opened the link: the page, which reads the token from the fragment and asks again with the header.
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            VerificationPage.SetSecurityHeaders(request.HttpContext.Response, nonce);
            return TypedResults.Content(SharedPage.RenderShell(nonce), "text/html; charset=utf-8", Encoding.UTF8);
        }
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return Problems.ShareTokenMissing(TokenHeader);
        }
        var now = clock.GetUtcNow();
        var hash = CreateShareLink.HashOf(token.Trim());
        var link = await db.ShareLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || link.WithdrawnAt is not null || link.ExpiresAt <= now)
        {
            return Problems.ShareLinkNotFound();
        }
        // A suspended institution's link is withheld before it counts an open or writes a disclosure.
        if (await db.Institutions.AnyAsync(i => i.Id == link.InstitutionId && i.SuspendedAt != null, cancellationToken))
        {
            return Problems.InstitutionSuspended();
        }
        var counted = await db.ShareLinks.Where(l => l.Id == link.Id && l.WithdrawnAt == null && l.OpenCount < l.MaxOpens)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.OpenCount, l => l.OpenCount + 1), cancellationToken);
        if (counted == 0)
        {
            return Problems.ShareLinkUsedUp(link.MaxOpens);
        }
        var ids = link.CredentialIds.Split(',').Select(Guid.Parse).ToList();
        var stored = await db.Credentials.AsNoTracking().Where(c => ids.Contains(c.Id) && c.LearnerId == link.LearnerId).ToListAsync(cancellationToken);
        var credentials = ids.Select(id => stored.Single(c => c.Id == id)).ToList();
        db.Disclosures.Add(new Disclosure
        {
            InstitutionId = link.InstitutionId, LearnerId = link.LearnerId, ApiKeyId = link.CreatedByKeyId, Role = "share-link",
            Record = $"share link {link.Id}", At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.ShareLinkOpened(logger, link.Id);
        var presentation = LearnerCredentials.AsPresentation(credentials);
        if (format != "page")
        {
            return TypedResults.File(presentation, "application/json");
        }
        // The page's report: each credential judged by the signing core's rules against this service's own keys and lists.
        var verified = new List<(Credential, VerificationReport)>();
        foreach (var credential in credentials)
        {
            var json = JsonNode.Parse(credential.Bytes)!.AsObject();
            verified.Add((credential, CredentialVerifier.Verify(json, await verification.OptionsForAsync(json, cancellationToken))));
        }
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == link.InstitutionId).Select(i => i.Name).SingleAsync(cancellationToken);
        var page = new JsonObject
        {
            ["html"] = SharedPage.RenderReport(institution, link, verified, now),
            ["presentation"] = JsonNode.Parse(presentation),
        };
        return TypedResults.Content(page.ToJsonString(), "application/json", Encoding.UTF8);
    }

    /// <summary>A browser following a link asks for HTML first; programs (and the page's own script) ask for JSON or anything.</summary>
    private static bool IsBrowserNavigation(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult RetiredPath(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return Problems.ShareLinkPathRetired(TokenHeader);
    }
}
