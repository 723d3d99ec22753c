using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

internal static class CredentialsModule
{
    public static IServiceCollection AddCredentials(this IServiceCollection services) => services.AddScoped<CredentialIssuer>();

    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        var issuing = app.MapGroup("/credentials").WithTags("Credentials").RequireAuthorization(Policies.Registrar);
        IssueAchievementCredential.Map(issuing);
        IssueTranscript.Map(issuing);
        ChangeCredentialStatus.Map(issuing);
        var reading = app.MapGroup("/credentials").WithTags("Credentials").RequireAuthorization(Policies.Member);
        GetCredential.Map(reading);
        ListLearnerCredentials.Map(app);
        return app;
    }
}
