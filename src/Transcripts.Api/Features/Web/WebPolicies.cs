using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// The pages' authorization policies: the API's roles, authenticated by the sign-in cookie only (an API key opens no page,
/// and the cookie opens no API endpoint, whose policies authenticate API keys). The service's operator is a member too (the
/// home page and signing out), but holds no institution's role, so it opens no institution's page; <see cref="Operator"/>'s
/// pages are its only others, and no institution's role opens them.
/// </summary>
internal static class WebPolicies
{
    public const string Member = "web-member";
    public const string Learner = "web-learner";
    public const string Staff = "web-staff";
    public const string Registrar = "web-registrar";
    public const string Admin = "web-admin";
    public const string Operator = "web-operator";

    public static AuthorizationBuilder AddWebPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => Cookie(p).RequireRole([.. Roles.All, Roles.Operator]))
        .AddPolicy(Learner, p => InForce(Cookie(p).RequireRole(Roles.Learner)))
        .AddPolicy(Staff, p => InForce(Cookie(p).RequireRole(Roles.Admin, Roles.Registrar, Roles.Assessor)))
        .AddPolicy(Registrar, p => InForce(Cookie(p).RequireRole(Roles.Admin, Roles.Registrar)))
        .AddPolicy(Admin, p => InForce(Cookie(p).RequireRole(Roles.Admin)))
        .AddPolicy(Operator, p => Cookie(p).RequireRole(Roles.Operator));

    /// <summary>
    /// An institution's pages only while the institution is not suspended (as its API keys): a suspended institution's people
    /// get 404 from their next request on, here at once and on other instances within <c>ApiKeys:CacheSeconds</c>
    /// (<see cref="KnownInstitutions"/>, the bound the API keys' cache keeps). An account without an institution fails closed.
    /// </summary>
    private static AuthorizationPolicyBuilder InForce(AuthorizationPolicyBuilder policy) => policy.RequireAssertion(async context =>
        context.Resource is HttpContext http
        && Guid.TryParse(context.User.FindFirst(ApiKeyAuthentication.InstitutionClaim)?.Value, out var institutionId)
        && await KnownInstitutions.IsInForceAsync(http.RequestServices.GetRequiredService<TranscriptsDb>(),
            http.RequestServices.GetRequiredService<IMemoryCache>(), institutionId,
            http.RequestServices.GetRequiredService<IOptions<ApiKeyOptions>>().Value,
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), http.RequestAborted));

    private static AuthorizationPolicyBuilder Cookie(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();
}
