using Carter;

namespace Transcripts.Api.Features.VcApi;

/// <summary>The W3C VC API endpoints at the paths its test suites call; each endpoint states its own authorization.</summary>
internal sealed class VcApiModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        IssueCredentialVcApi.Map(app);
        VerifyCredentialVcApi.Map(app);
    }
}
