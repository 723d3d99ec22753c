using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Transcripts;

namespace Transcripts.Api.Features.Verification;

/// <summary>
/// <c>GET /v/{credential uuid}</c>: the public page a phone opens from a transcript's QR code. No login, and no personal data
/// until the QR token is presented: the page shows the institution and asks for the code; its script sends the token from the
/// URL fragment (which never reaches the server in the address) to <see cref="OpenVerificationRecord"/> and shows the record it
/// gets back. An unknown, malformed, non-transcript or taken-down id gets the same 404 page.
/// </summary>
internal static class ShowVerificationPage
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/{id}", Handle).WithName(nameof(ShowVerificationPage))
            .WithSummary("Public verification page of a transcript (HTML; asks for the QR token, then checks it in the page)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status403Forbidden, contentType: "text/html")
            .Produces(StatusCodes.Status404NotFound, contentType: "text/html");

    private static async Task<ContentHttpResult> Handle(string id, HttpContext http, TranscriptsDb db, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        VerificationPage.SetSecurityHeaders(http.Response, nonce);
        var found = await FindAsync(db, id, cancellationToken);
        Log.PageViewed(logs.CreateLogger(typeof(ShowVerificationPage).FullName!), found?.Credential.Id ?? Guid.Empty, found is not null);
        if (found is { Credential: var credential } && await IsSuspendedAsync(db, credential.InstitutionId, cancellationToken))
        {
            return TypedResults.Content(VerificationPage.RenderSuspended(nonce), "text/html; charset=utf-8", System.Text.Encoding.UTF8,
                StatusCodes.Status403Forbidden);
        }
        return found is { Content: var content }
            ? TypedResults.Content(VerificationPage.RenderShell(nonce, content.IssuerName), "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status200OK)
            : NotFound(nonce);
    }

    /// <summary>The transcript a page id names, unless it is unknown, not a transcript, unreadable or taken down.</summary>
    public static async Task<(Credential Credential, TranscriptContent Content)?> FindAsync(TranscriptsDb db, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var credentialId))
        {
            return null;
        }
        var credential = await db.Credentials.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == credentialId && c.Kind == CredentialKind.Transcript, cancellationToken);
        if (credential is null || credential.PageTakenDownAt is not null || TranscriptContent.TryRead(credential.Bytes) is not { } content)
        {
            return null;
        }
        return (credential, content);
    }

    /// <summary>Whether the service's operator suspended the institution (its pages and records are then withheld).</summary>
    public static Task<bool> IsSuspendedAsync(TranscriptsDb db, Guid institutionId, CancellationToken cancellationToken) =>
        db.Institutions.AnyAsync(i => i.Id == institutionId && i.SuspendedAt != null, cancellationToken);

    public static ContentHttpResult NotFound(string nonce) =>
        TypedResults.Content(VerificationPage.RenderNotFound(nonce), "text/html; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status404NotFound);
}
