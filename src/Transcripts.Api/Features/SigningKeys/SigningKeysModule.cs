using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.SigningKeys;

internal static class SigningKeysModule
{
    public static IServiceCollection AddSigningKeys(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KeyEncryption>();
        services.AddScoped<SigningKeyService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSigningKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/signing-keys").WithTags("SigningKeys").RequireAuthorization(Policies.Admin);
        CreateSigningKey.Map(group);
        ListSigningKeys.Map(group);
        RevokeSigningKey.Map(group);
        UpdateIssuerSettings.Map(group);
        GetDidDocument.Map(app);
        GetTrustBundle.Map(app);
        return app;
    }

    /// <summary>
    /// In demo mode without a configured key-encryption key, writes one to the data folder and points configuration at it,
    /// so the demo can sign. Returns the file written, if any, for a warning once logging is up.
    /// </summary>
    public static string? EnsureDemoKeyEncryptionKey(ConfigurationManager configuration, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKey)}"])
            || !string.IsNullOrWhiteSpace(configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKeyFile)}"]))
        {
            return null;
        }
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "demo-key-encryption-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, KeyEncryption.NewKekText());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKeyFile)}"] = path;
        return path;
    }
}
