using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Frameworks;

/// <summary>
/// Competency frameworks and proficiency scales. Reads are open to every member of the institution (a learner sees
/// what they are assessed against); each write endpoint narrows to registrars.
/// </summary>
internal sealed class FrameworksModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var frameworks = app.MapGroup("/frameworks").WithTags("Frameworks").RequireAuthorization(Policies.Member);
        ListFrameworks.Map(frameworks);
        GetFramework.Map(frameworks);
        CreateFramework.Map(frameworks);
        UpdateFramework.Map(frameworks);
        AddCompetency.Map(frameworks);
        UpdateCompetency.Map(frameworks);
        SetMasteryRule.Map(frameworks);
        PreviewMasteryRule.Map(frameworks);
        ImportCasePackage.Map(frameworks);

        var scales = app.MapGroup("/scales").WithTags("Proficiency scales").RequireAuthorization(Policies.Member);
        ListScales.Map(scales);
        GetScale.Map(scales);
        CreateScale.Map(scales);
        UpdateScale.Map(scales);
        PreviewScaleChange.Map(scales);
    }
}
