using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Transcripts.Api.Features.Credentials;

internal static class CredentialsServices
{
    // The issuer counts what it signs: the meter comes with it, so a host without the service's telemetry (a bench, a tool) still has one.
    public static IServiceCollection AddCredentials(this IServiceCollection services)
    {
        services.AddMetrics().TryAddSingleton<Infrastructure.ServiceMetrics>();
        return services.AddScoped<CredentialIssuer>();
    }
}
