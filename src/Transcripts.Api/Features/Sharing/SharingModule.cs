using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Sharing;

internal static class SharingModule
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddOptions<SharingOptions>().BindConfiguration(SharingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Sharing").RequireAuthorization(Policies.LearnerOrRegistrar);
        ExportCredentials.Map(group);
        CreateShareLink.Map(group);
        WithdrawShareLink.Map(group);
        ListShareLinks.Map(group);
        WithdrawAllShareLinks.Map(group);
        OpenShareLink.Map(app);
        return app;
    }
}
