using Microsoft.AspNetCore.Authentication;
using Transcripts.Api.Data.Entities;

namespace Transcripts.Api.Infrastructure;

/// <summary>The authorization policies endpoints name, and their registration with API-key authentication.</summary>
internal static class Policies
{
    public const string Admin = "admin";
    public const string Registrar = "registrar";
    public const string Staff = "staff";
    public const string Member = "member";
    public const string LearnerOrRegistrar = "learner-or-registrar";
    public const string Operator = "operator";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        // An endpoint that names no policy and does not say AllowAnonymous still needs a caller with a valid key of an
        // institution: an operator key reaches only the endpoints that name the operator policy.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser().RequireRole(Roles.All.ToArray()).Build())
            .AddPolicy(Operator, p => p.RequireRole(Roles.Operator))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Registrar, p => p.RequireRole(Roles.Admin, Roles.Registrar))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Admin, Roles.Registrar, Roles.Assessor))
            .AddPolicy(LearnerOrRegistrar, p => p.RequireRole(Roles.Admin, Roles.Registrar, Roles.Learner))
            .AddPolicy(Member, p => p.RequireRole(Roles.All.ToArray()));
        services.AddScoped<CurrentCaller>();
        services.AddMemoryCache();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
