using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Progress;

/// <summary>A learner's progress and goals: the learner and their teachers (every staff role) read progress and set goals.</summary>
internal sealed class ProgressModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners/{learnerId:guid}").WithTags("Progress").RequireAuthorization(Policies.Member);
        GetProgress.Map(group);
        ListGoals.Map(group);
        SetGoal.Map(group);
        DeleteGoal.Map(group);
    }
}
