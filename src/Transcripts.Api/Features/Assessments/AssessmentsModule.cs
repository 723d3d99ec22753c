using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

internal static class AssessmentsModule
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapGroup("/assessments").WithTags("Assessments").RequireAuthorization(Policies.Staff);
        RecordAssessment.Map(assessments);
        UpdateAssessment.Map(assessments);
        DeleteAssessment.Map(assessments);

        var learnerAssessments = app.MapGroup("/learners/{learnerId:guid}/assessments").WithTags("Assessments").RequireAuthorization(Policies.Member);
        ListAssessments.Map(learnerAssessments);

        var learnerAttainments = app.MapGroup("/learners/{learnerId:guid}/attainments").WithTags("Attainments").RequireAuthorization(Policies.Member);
        ListAttainments.Map(learnerAttainments);
        AwardAttainment.Map(learnerAttainments);

        var attainments = app.MapGroup("/attainments").WithTags("Attainments").RequireAuthorization(Policies.Member);
        WithdrawAttainment.Map(attainments);
        PreviewAttainmentWithdrawal.Map(attainments);
        ExplainAttainment.Map(attainments);
        return app;
    }
}
