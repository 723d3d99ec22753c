using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Assessments;

/// <summary>
/// Assessments and the attainments derived from them. Four route groups, because assessments are written by staff at
/// <c>/assessments</c> and read per learner, and attainments are read per learner and changed at <c>/attainments</c>.
/// </summary>
internal sealed class AssessmentsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
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
    }
}
