using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

internal static class LearnersModule
{
    public static IServiceCollection AddLearners(this IServiceCollection services)
    {
        services.AddOptions<LearnerImportOptions>().BindConfiguration(LearnerImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapLearners(this IEndpointRouteBuilder app)
    {
        // Reading one learner is open to that learner (LearnerAccess); listing and writing are for staff and registrars.
        var group = app.MapGroup("/learners").WithTags("Learners").RequireAuthorization(Policies.Member);
        ListLearners.Map(group);
        GetLearner.Map(group);
        GetLearnerRecord.Map(group);
        CreateLearner.Map(group);
        UpdateLearner.Map(group);
        ArchiveLearner.Map(group);
        ImportLearners.Map(group);
        return app;
    }
}
