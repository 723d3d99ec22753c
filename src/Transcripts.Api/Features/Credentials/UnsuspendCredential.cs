using Microsoft.AspNetCore.Http.HttpResults;

namespace Transcripts.Api.Features.Credentials;

/// <summary><c>POST /credentials/{id}/unsuspend</c>: the credential counts again.</summary>
internal static class UnsuspendCredential
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/{id:guid}/unsuspend", Handle)
            .WithName(nameof(UnsuspendCredential)).WithSummary("Lift a suspension; the suspension bit is cleared")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    internal static Task<Results<Ok<CredentialResponse>, ProblemHttpResult>> Handle(Guid id, CredentialStatusChange.Request request,
        [AsParameters] CredentialStatusChange.Services services, CancellationToken cancellationToken) =>
        CredentialStatusChange.ApplyAsync(CredentialStatusChange.Change.Unsuspend, id, request, services, cancellationToken);
}
