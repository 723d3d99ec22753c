namespace Transcripts.Api.Features.Learners;

internal static class LearnersServices
{
    public static IServiceCollection AddLearners(this IServiceCollection services)
    {
        services.AddOptions<LearnerImportOptions>().BindConfiguration(LearnerImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
