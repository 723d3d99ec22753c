namespace Transcripts.Api.Features.StatusLists;

internal static class StatusListsModule
{
    public static IServiceCollection AddStatusLists(this IServiceCollection services)
    {
        services.AddOptions<StatusListOptions>().BindConfiguration(StatusListOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StatusListResigner>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusListResigner>());
        return services.AddScoped<StatusListService>();
    }

    /// <summary>Status lists are public: any verifier fetches them without a key.</summary>
    public static IEndpointRouteBuilder MapStatusLists(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/status").WithTags("StatusLists").AllowAnonymous();
        GetStatusList.Map(group);
        return app;
    }
}
