using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// The pages' authorization policies: the API's roles, authenticated by the sign-in cookie only (an API key opens no page,
/// and the cookie opens no API endpoint, whose policies authenticate API keys).
/// </summary>
internal static class WebPolicies
{
    public const string Member = "web-member";
    public const string Learner = "web-learner";
    public const string Staff = "web-staff";
    public const string Registrar = "web-registrar";
    public const string Admin = "web-admin";

    public static AuthorizationBuilder AddWebPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => Cookie(p).RequireRole(Roles.All.ToArray()))
        .AddPolicy(Learner, p => Cookie(p).RequireRole(Roles.Learner))
        .AddPolicy(Staff, p => Cookie(p).RequireRole(Roles.Admin, Roles.Registrar, Roles.Assessor))
        .AddPolicy(Registrar, p => Cookie(p).RequireRole(Roles.Admin, Roles.Registrar))
        .AddPolicy(Admin, p => Cookie(p).RequireRole(Roles.Admin));

    private static AuthorizationPolicyBuilder Cookie(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();
}
