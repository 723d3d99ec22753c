namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Headers on every response that hands back a stored file: the browser must not guess another type than the stored one
/// (<c>nosniff</c>), and a file opened directly runs in a sandbox without script or same-origin access (<c>CSP: sandbox</c>),
/// so an uploaded HTML or SVG file cannot act as the service's own page.
/// </summary>
internal static class FileResponses
{
    public static void Protect(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
    }

    /// <summary>The 415 for a file whose bytes are not of the type it was sent as.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Mismatch(string mediaType) =>
        Problems.Create(StatusCodes.Status415UnsupportedMediaType, "content-does-not-match-type", "The file is not what its type says",
            $"The file was sent as {mediaType}, but its first bytes are not those of a {mediaType} file; nothing was stored.");
}
