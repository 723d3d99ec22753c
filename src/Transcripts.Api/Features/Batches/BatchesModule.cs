using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Batches;

internal static class BatchesModule
{
    public static IServiceCollection AddBatches(this IServiceCollection services)
    {
        services.AddOptions<BatchOptions>().BindConfiguration(BatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<BatchRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<BatchRunner>());
        return services;
    }

    public static IEndpointRouteBuilder MapBatches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/batches").WithTags("Batches").RequireAuthorization(Policies.Registrar);
        CreateBatch.Map(group);
        GetBatch.Map(group);
        return app;
    }
}
