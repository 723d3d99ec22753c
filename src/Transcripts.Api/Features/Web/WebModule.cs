using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.Accounts;
using Transcripts.Api.Features.Web.Mail;
using Transcripts.Api.Features.Web.People;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// The web pages for people (Razor Pages under <c>Features/Web</c>, served at <c>/app</c>), signed in with ASP.NET Core
/// Identity on the records database. Pages call the features' own handlers, so a page and the API apply one rule.
/// </summary>
internal static class WebModule
{
    public const string SignInRateLimit = "web-sign-in";

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, OpenIdConnectValidation>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var web = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features/Web";
            o.Conventions.AuthorizeFolder("/", WebPolicies.Member);
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/Invitation");
            o.Conventions.AuthorizeFolder("/Portal", WebPolicies.Learner);
            o.Conventions.AuthorizeFolder("/People", WebPolicies.Registrar);
            o.Conventions.AuthorizeFolder("/Registrar", WebPolicies.Registrar);
            o.Conventions.AuthorizeFolder("/Imports", WebPolicies.Registrar);
            o.Conventions.AuthorizeFolder("/Assess", WebPolicies.Staff);
            o.Conventions.AuthorizeFolder("/Admin", WebPolicies.Admin);
            o.Conventions.AuthorizeFolder("/Operator", WebPolicies.Operator);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "transcripts-af";
            // Secure over https; over plain http (a loopback test or demo) antiforgery would otherwise refuse every form.
            // The token is no credential: without the session cookie, which is always Secure, it opens nothing.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddIdentityCore<Person>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = web.MaxFailedPasswords;
                o.Lockout.DefaultLockoutTimeSpan = web.LockoutDuration;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<TranscriptsDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PersonClaims>();
        // Passkeys: the relying party is the host people open the pages at (Web:PasskeyRelyingPartyId, else the host of
        // Signing:PublicBaseUrl). The origin the browser signed must be the page's own (scheme and host of this request, as
        // the forwarded-headers middleware states them). Identity's default compares it with the Origin header instead, which
        // a browser sends as "null" on a form post from a page with Referrer-Policy: no-referrer, as every page here has.
        // A discoverable credential is required, so "Sign in with a passkey" needs no e-mail address first; so is user verification.
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<Features.SigningKeys.SigningOptions>>((o, signing) =>
        {
            o.ServerDomain = string.IsNullOrEmpty(web.PasskeyRelyingPartyId) ? new Uri(signing.Value.PublicBaseUrl).Host : web.PasskeyRelyingPartyId;
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin,
                $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase));
        });
        var authentication = services.AddAuthentication();
        authentication.AddIdentityCookies();
        authentication.AddSchoolSignIn(web);
        // A school provider's checked answer waits here between its callback and the page that signs the account in.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Name = "transcripts-external";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "transcripts-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = web.SessionLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/app/sign-in";
            o.LogoutPath = "/app/sign-out";
            // A page of another role is not there for this person: 404, as the API answers records that are not theirs.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        // Signing out elsewhere (a new security stamp) ends every other session at its next request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddWebPolicies();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The sign-in page's passkey options guess nothing (a challenge for any passkey of this site), and its autofill
            // asks for them on every view: they are not counted. The invitation page's are, since they check the token.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method) && !IsSignInChallenge(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddScoped<PageSecurity>();
        services.AddScoped<Invitations>();
        services.AddScoped<SchoolLogins>();
        services.AddScoped<Assess.AssessmentWriters>();
        services.AddSingleton<Imports.PendingUploads>();
        services.AddSingleton<FolderMailSender>();
        services.AddSingleton<IMailSender>(sp => string.IsNullOrEmpty(sp.GetRequiredService<IOptions<MailOptions>>().Value.SmtpHost)
            ? sp.GetRequiredService<FolderMailSender>()
            : new SmtpMailSender(sp.GetRequiredService<IOptions<MailOptions>>()));
        return services;
    }

    private static bool IsSignInChallenge(HttpRequest request) =>
        request.Path.Equals("/app/sign-in", StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Query["handler"], "PasskeyOptions", StringComparison.OrdinalIgnoreCase);

    /// <summary>The pages themselves; their headers come from <see cref="UseWeb"/>.</summary>
    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.OpenIdConnect.Count > 0)
        {
            SchoolSignIn.MapSchoolCallbacks(app);
        }
        return app;
    }

    /// <summary>
    /// The pages' security headers. The sign-in rate limit is one of the service's rate-limiter policies, applied by the
    /// one rate-limiter middleware the pipeline has (a second would count every request twice).
    /// </summary>
    public static IApplicationBuilder UseWeb(this IApplicationBuilder app)
    {
        PageSecurity.UsePageSecurity(app);
        return app;
    }
}
