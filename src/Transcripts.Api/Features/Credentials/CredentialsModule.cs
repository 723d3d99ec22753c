using Carter;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// Credentials: registrars issue and change them, every member reads those visible to them (the handlers narrow a
/// learner to their own), so two groups on one prefix; a learner's list hangs under <c>/learners</c>.
/// </summary>
internal sealed class CredentialsModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var issuing = app.MapGroup("/credentials").WithTags("Credentials").RequireAuthorization(Policies.Registrar);
        IssueAchievementCredential.Map(issuing);
        IssueTranscript.Map(issuing);
        RevokeCredential.Map(issuing);
        SuspendCredential.Map(issuing);
        UnsuspendCredential.Map(issuing);
        PreviewCredentialStatusChange.Map(issuing);
        var reading = app.MapGroup("/credentials").WithTags("Credentials").RequireAuthorization(Policies.Member);
        GetCredential.Map(reading);
        ListLearnerCredentials.Map(app);
    }
}
