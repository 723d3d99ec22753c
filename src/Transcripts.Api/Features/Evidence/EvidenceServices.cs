namespace Transcripts.Api.Features.Evidence;

internal static class EvidenceServices
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
