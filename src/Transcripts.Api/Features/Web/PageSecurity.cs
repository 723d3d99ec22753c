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
            var formAction = FormActionOf(context);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src 'self' data:; "
                    + $"connect-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
                headers.CacheControl = "no-store";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
        }
        await next(context);
    });

    // The forms that start a sign-in with a school's identity provider (sign-in and account pages) answer with a redirect to
    // it, which a browser checks against form-action too: those two pages allow the providers' origins, no other page does.
    private static string FormActionOf(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/app/sign-in") && !path.StartsWithSegments("/app/account"))
        {
            return "'self'";
        }
        var providers = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.OpenIdConnect.Values;
        return string.Join(' ', providers.Select(p => new Uri(p.Authority!).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).Prepend("'self'"));
    }
}
