using Transcripts.Api.Features.SigningKeys;

namespace Transcripts.Api.Features.StatusLists;

internal static class StatusListsServices
{
    public static IServiceCollection AddStatusLists(this IServiceCollection services)
    {
        services.AddOptions<StatusListOptions>().BindConfiguration(StatusListOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StatusListResigner>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusListResigner>());
        services.AddScoped<ISignedWithActiveKey>(sp => sp.GetRequiredService<StatusListService>());
        return services.AddScoped<StatusListService>();
    }
}
