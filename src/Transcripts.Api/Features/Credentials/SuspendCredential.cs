using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcripts.Api.Features.Credentials;

/// <summary><c>POST /credentials/{id}/suspend</c>: for a while, until it is unsuspended.</summary>
internal static class SuspendCredential
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/suspend", Handle)
            .WithName(nameof(SuspendCredential)).WithSummary("Suspend a credential; its suspension bit is set")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> Handle(Guid id, CredentialStatusChange.Request request,
        [AsParameters] CredentialStatusChange.Services services, CancellationToken cancellationToken) =>
        CredentialStatusChange.ApplyAsync(CredentialStatusChange.Change.Suspend, id, request, services, cancellationToken);
}
