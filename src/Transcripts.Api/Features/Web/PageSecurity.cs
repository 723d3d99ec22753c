using System.Security.Cryptography;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// Headers of every page under <c>/app</c>: a content security policy whose only script and style are the page's own, marked
/// with a fresh nonce; nothing cached (pages are personal); no framing, no referrer.
/// </summary>
internal sealed class PageSecurity
{
    public const string PathPrefix = "/app";

    /// <summary>The nonce of this response's inline style and script.</summary>
    public string Nonce { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public static IApplicationBuilder UsePageSecurity(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments(PathPrefix))
        {
            var nonce = context.RequestServices.GetRequiredService<PageSecurity>().Nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                headers.CacheControl = "no-store";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
        }
        await next(context);
    });
}
