using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>
/// Sign-in with a school's own identity provider (OpenID Connect, <c>Web:OpenIdConnect:{name}</c>): one authentication
/// scheme <c>oidc-{name}</c> per provider, answering at <c>/app/sign-in/oidc/{name}</c>. The authorization code flow with
/// PKCE, the answer in the query (so the SameSite=Lax correlation and nonce cookies come back with it), scopes openid,
/// email and profile, no token saved. What the provider says is kept only in Identity's short external cookie, and only
/// three claims of it: the link key (<see cref="ProviderKeyOf"/>), the e-mail address and whether the provider verified it.
/// <see cref="SchoolLogins"/> decides, from those, which account signs in; the session cookie is the one every sign-in gives.
/// </summary>
internal static partial class SchoolSignIn
{
    public const string SchemePrefix = "oidc-";
    public const string EmailClaim = "email";
    public const string EmailVerifiedClaim = "email_verified";

    public static string SchemeOf(string name) => SchemePrefix + name;

    public static string CallbackPathOf(string name) => $"/app/sign-in/oidc/{name}";

    /// <summary>The provider name of a scheme made here, or null for another scheme.</summary>
    public static string? NameOf(string scheme) => scheme.StartsWith(SchemePrefix, StringComparison.Ordinal) ? scheme[SchemePrefix.Length..] : null;

    /// <summary>
    /// The key an account's link to a provider is stored under (AspNetUserLogins): hex SHA-256 of the issuer, a line feed and
    /// the subject. The subject itself is not stored, and the same subject at another issuer is another key.
    /// </summary>
    public static string ProviderKeyOf(string issuer, string subject) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(issuer + "\n" + subject)));

    /// <summary>What is wrong with the configured providers, one sentence each; empty when all is well (or none is configured).</summary>
    public static IEnumerable<string> ProblemsWith(WebOptions options)
    {
        foreach (var (name, provider) in options.OpenIdConnect)
        {
            var at = $"{WebOptions.Section}:OpenIdConnect:{name}";
            if (!ProviderName().IsMatch(name))
            {
                yield return $"{at}: a provider's name is lower-case letters, digits and hyphens (it is part of the callback address).";
            }
            if (!Uri.TryCreate(provider.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps
                || !string.IsNullOrEmpty(authority.Query) || !string.IsNullOrEmpty(authority.Fragment))
            {
                yield return $"{at}:Authority is the provider's issuer, an absolute https URL without query (found \"{provider.Authority}\").";
            }
            if (string.IsNullOrWhiteSpace(provider.ClientId))
            {
                yield return $"{at}:ClientId is missing: the client id the provider gave this service.";
            }
            if (string.IsNullOrWhiteSpace(provider.ClientSecret))
            {
                yield return $"{at}:ClientSecret is missing: the secret the provider gave this service (set it from the environment).";
            }
            if (string.IsNullOrWhiteSpace(provider.DisplayName))
            {
                yield return $"{at}:DisplayName is missing: the school's name, as the sign-in button shows it.";
            }
            if (provider.InstitutionId is null || provider.InstitutionId == Guid.Empty)
            {
                yield return $"{at}:InstitutionId is missing: the institution whose people this provider signs in.";
            }
        }
    }

    /// <summary>The providers' schemes; nothing at all when none is configured.</summary>
    public static AuthenticationBuilder AddSchoolSignIn(this AuthenticationBuilder builder, WebOptions options)
    {
        foreach (var (name, provider) in options.OpenIdConnect)
        {
            builder.AddOpenIdConnect(SchemeOf(name), provider.DisplayName, o =>
            {
                o.Authority = provider.Authority;
                o.ClientId = provider.ClientId;
                o.ClientSecret = provider.ClientSecret;
                o.CallbackPath = CallbackPathOf(name);
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.MapInboundClaims = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("email");
                o.Scope.Add("profile");
                o.CorrelationCookie.Name = "transcripts-oidc-correlation.";
                o.NonceCookie.Name = "transcripts-oidc-nonce.";
                foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = CookieSecurePolicy.Always;
                    cookie.HttpOnly = true;
                }
                o.Events.OnTokenValidated = KeepOnlyTheLink;
                o.Events.OnRemoteFailure = Refused;
            });
        }
        return builder;
    }

    /// <summary>
    /// The provider's callback addresses as endpoints of their own, anonymous: the authentication middleware answers them
    /// before the endpoint runs, but the pipeline answers an address without an endpoint with 404 before authentication.
    /// Reached only when no handler took the request (no such provider): 404.
    /// </summary>
    public static void MapSchoolCallbacks(WebApplication app) =>
        app.MapGet(CallbackPathOf("{name}"), () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// Every provider's institution exists, checked once the database is migrated, before the service listens: a provider of
    /// an institution that is not there would refuse everyone.
    /// </summary>
    public static async Task CheckInstitutionsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value;
        if (options.OpenIdConnect.Count == 0)
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        foreach (var (name, provider) in options.OpenIdConnect)
        {
            if (!await db.Institutions.AnyAsync(i => i.Id == provider.InstitutionId, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"{WebOptions.Section}:OpenIdConnect:{name}:InstitutionId ({provider.InstitutionId}) names no institution of this service.");
            }
        }
    }

    // The external cookie keeps the link key, the address and its verification, and nothing else the provider said.
    private static Task KeepOnlyTheLink(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var subject = context.Principal?.FindFirst("sub");
        if (subject is null || string.IsNullOrEmpty(subject.Value))
        {
            context.Fail("The id_token names no subject.");
            return Task.CompletedTask;
        }
        var identity = new ClaimsIdentity(context.Scheme.Name);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, ProviderKeyOf(subject.Issuer, subject.Value)));
        if (context.Principal!.FindFirst(EmailClaim)?.Value is { Length: > 0 } email)
        {
            identity.AddClaim(new Claim(EmailClaim, email));
        }
        var verified = context.Principal.FindFirst(EmailVerifiedClaim)?.Value;
        identity.AddClaim(new Claim(EmailVerifiedClaim, string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false"));
        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }

    // A refused answer (a bad signature, issuer, audience or nonce, a lost correlation cookie, the provider's own error) goes
    // back to the page it started from, which says so; the reason is logged by its kind only.
    private static Task Refused(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SchoolSignIn));
        Log.SchoolSignInRefused(logger, NameOf(context.Scheme.Name) ?? "", context.Failure?.GetType().Name ?? "unknown");
        var fromAccount = context.Properties?.RedirectUri?.StartsWith("/app/account", StringComparison.Ordinal) == true;
        context.Response.Redirect(fromAccount ? "/app/account?school=failed" : "/app/sign-in?school=failed");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$")]
    private static partial Regex ProviderName();
}
