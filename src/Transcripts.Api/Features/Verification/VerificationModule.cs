using Carter;

namespace Transcripts.Api.Features.Verification;

/// <summary>The public verification page a transcript's QR code opens.</summary>
internal sealed class VerificationModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v").WithTags("Verification").AllowAnonymous();
        ShowVerificationPage.Map(group);
    }
}
