using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Learners;

/// <summary>Learners. Reading one learner is open to that learner (LearnerAccess); listing and writing are for staff and registrars.</summary>
internal sealed class LearnersModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/learners").WithTags("Learners").RequireAuthorization(Policies.Member);
        ListLearners.Map(group);
        GetLearner.Map(group);
        GetLearnerRecord.Map(group);
        CreateLearner.Map(group);
        UpdateLearner.Map(group);
        ArchiveLearner.Map(group);
        ImportLearners.Map(group);
    }
}
