using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

/// <summary>The caller's own institution: its profile, logo and credential policy.</summary>
internal sealed class InstitutionsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/institution").WithTags("Institutions").RequireAuthorization(Policies.Member);
        GetInstitution.Map(group);
        UpdateInstitution.Map(group);
        SetInstitutionLogo.Map(group);
        GetInstitutionLogo.Map(group);
        GetCredentialPolicy.Map(group);
        SetCredentialPolicy.Map(group);
        GetRegistrarOverview.Map(group);
    }
}
