namespace Transcripts.Api.Features.Batches;

internal static class BatchesServices
{
    public static IServiceCollection AddBatches(this IServiceCollection services)
    {
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<BatchRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BatchRunner>());
        return services;
    }
}
