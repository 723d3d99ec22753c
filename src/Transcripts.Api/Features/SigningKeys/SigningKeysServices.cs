namespace Transcripts.Api.Features.SigningKeys;

internal static class SigningKeysServices
{
    public static IServiceCollection AddSigningKeys(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KeyEncryption>();
        services.AddScoped<SigningKeyService>();
        return services;
    }
}
