namespace Transcripts.Api.Features.VcApi;

internal static class VcApiServices
{
    public static IServiceCollection AddVcApi(this IServiceCollection services) => services.AddScoped<VerificationContext>();
}
