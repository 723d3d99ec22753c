using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Progress;

internal static class ProgressModule
{
    public static IServiceCollection AddProgress(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder app)
    {
        // The learner and their teachers (every staff role) read progress and set goals.
        var group = app.MapGroup("/learners/{learnerId:guid}").WithTags("Progress").RequireAuthorization(Policies.Member);
        GetProgress.Map(group);
        ListGoals.Map(group);
        SetGoal.Map(group);
        DeleteGoal.Map(group);
        return app;
    }
}
