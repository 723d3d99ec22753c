namespace Transcripts.Api.Features.Sharing;

internal static class SharingServices
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddOptions<SharingOptions>().BindConfiguration(SharingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
