namespace Transcripts.Api.Features.Verification;

internal static class VerificationModule
{
    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        ShowVerificationPage.Map(app.MapGroup("/v").WithTags("Verification").AllowAnonymous());
        return app;
    }
}
