using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Verification;

internal static class VerificationModule
{
    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/v").WithTags("Verification").AllowAnonymous();
        ShowVerificationPage.Map(page);
        OpenVerificationRecord.Map(page);
        TakeDownVerificationPage.Map(app.MapGroup("/credentials").WithTags("Verification").RequireAuthorization(Policies.LearnerOrRegistrar));
        return app;
    }
}
