using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Verification;

/// <summary>The public verification page a transcript's QR code opens, its token-gated record, and its take-down.</summary>
internal sealed class VerificationModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/v").WithTags("Verification").AllowAnonymous();
        ShowVerificationPage.Map(page);
        OpenVerificationRecord.Map(page);
        TakeDownVerificationPage.Map(app.MapGroup("/credentials").WithTags("Verification").RequireAuthorization(Policies.LearnerOrRegistrar));
    }
}
