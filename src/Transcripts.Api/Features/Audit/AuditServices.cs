namespace Transcripts.Api.Features.Audit;

internal static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditHeadPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditHeadPublisher>());
        return services;
    }
}
