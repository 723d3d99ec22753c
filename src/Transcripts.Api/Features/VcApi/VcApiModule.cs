namespace Transcripts.Api.Features.VcApi;

internal static class VcApiModule
{
    public static IServiceCollection AddVcApi(this IServiceCollection services) => services.AddScoped<VerificationContext>();

    public static IEndpointRouteBuilder MapVcApi(this IEndpointRouteBuilder app)
    {
        IssueCredentialVcApi.Map(app);
        VerifyCredentialVcApi.Map(app);
        return app;
    }
}
