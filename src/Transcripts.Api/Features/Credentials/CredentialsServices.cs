namespace Transcripts.Api.Features.Credentials;

internal static class CredentialsServices
{
    public static IServiceCollection AddCredentials(this IServiceCollection services) => services.AddScoped<CredentialIssuer>();
}
