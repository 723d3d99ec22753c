using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcripts.Api.Features.Credentials;

/// <summary><c>POST /credentials/{id}/revoke</c>: for good; a revoked credential cannot be suspended or unsuspended.</summary>
internal static class RevokeCredential
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/revoke", Handle)
            .WithName(nameof(RevokeCredential)).WithSummary("Revoke an issued credential; its revocation bit is set and the list re-signed")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> Handle(Guid id, CredentialStatusChange.Request request,
        [AsParameters] CredentialStatusChange.Services services, CancellationToken cancellationToken) =>
        CredentialStatusChange.ApplyAsync(CredentialStatusChange.Change.Revoke, id, request, services, cancellationToken);
}
