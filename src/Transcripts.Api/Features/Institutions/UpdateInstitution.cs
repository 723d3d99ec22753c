using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

internal static class UpdateInstitution
{
    public sealed record Request
    {
        [Required, StringLength(200, MinimumLength = 1)]
        public required string Name { get; init; }
        [Url, StringLength(500)]
        public string? Url { get; init; }
        [EmailAddress, StringLength(320)]
        public string? Email { get; init; }
        [StringLength(1000)]
        public string? Address { get; init; }
        [StringLength(500)]
        public string? PublicBaseUrl { get; init; }
        /// <summary>The version last read; a stale one is refused with 409.</summary>
        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("", Handle).WithName(nameof(UpdateInstitution))
            .WithSummary("Edit the issuer profile and public base URL (admin)")
            .RequireAuthorization(Policies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> Handle(
        Request request, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        if (request.PublicBaseUrl is not null && !DidWeb.TryFromBaseUrl(request.PublicBaseUrl, out _))
        {
            return Problems.Validation("publicBaseUrl", "An absolute http(s) URL without query or fragment, such as https://school.example/.");
        }
        var institution = await db.Institutions.SingleAsync(i => i.Id == caller.InstitutionId, cancellationToken);
        if (institution.RowVersion != request.Version)
        {
            return Problems.StaleUpdate("institution", institution.Id, institution.RowVersion);
        }
        institution.Name = request.Name;
        institution.Url = request.Url;
        institution.Email = request.Email;
        institution.Address = request.Address;
        institution.PublicBaseUrl = request.PublicBaseUrl;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InstitutionResponse.From(institution));
    }
}
