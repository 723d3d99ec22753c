using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Transcripts;

namespace Transcripts.Api.Features.Verification;

/// <summary>
/// <c>GET /v/{credential uuid}</c>: the public page a phone opens from a transcript's QR code. No login. It shows the
/// issuer, the learner's name, the issue date, the status and each competency with its level; its script checks the QR
/// token in the URL fragment (which never reaches the server) against this credential and the institution's published
/// keys. An unknown, malformed or non-transcript id gets the same 404 page.
/// </summary>
internal static class ShowVerificationPage
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id}", Handle).WithName(nameof(ShowVerificationPage))
            .WithSummary("Public verification page of a transcript (HTML; checks the QR token in the page)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status404NotFound, contentType: "text/html");

    private static async Task<ContentHttpResult> Handle(string id, HttpContext http, TranscriptsDb db, IOptions<SigningOptions> signing,
        TimeProvider clock, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        VerificationPage.SetSecurityHeaders(http.Response, nonce);
        if (!Guid.TryParseExact(id, "D", out var credentialId))
        {
            return NotFound(nonce);
        }
        var credential = await db.Credentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == credentialId && c.Kind == CredentialKind.Transcript, cancellationToken);
        var content = credential is null ? null : TranscriptContent.TryRead(credential.Bytes);
        Log.PageViewed(logs.CreateLogger(typeof(ShowVerificationPage).FullName!), credentialId, content is not null);
        if (credential is null || content is null)
        {
            return NotFound(nonce);
        }
        var found = await DidDocuments.IdentityAsync(db, credential.InstitutionId, signing.Value, cancellationToken);
        var keys = found is { } f ? PageKey.From(f.Identity, f.Keys, credential) : [];
        var html = VerificationPage.Render(nonce, credential, content, keys, clock.GetUtcNow());
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static ContentHttpResult NotFound(string nonce) =>
        TypedResults.Content(VerificationPage.RenderNotFound(nonce), "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
}
