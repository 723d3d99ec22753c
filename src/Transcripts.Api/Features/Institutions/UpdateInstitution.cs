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

    // publicBaseUrl: unique per institution (public-base-url-taken, 409), https outside loopback (validation-failed, 400).

    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> Handle(
        Request request, TranscriptsDb db, CurrentCaller caller, CancellationToken cancellationToken)
    {
        string? publicBaseUrl = null;
        if (request.PublicBaseUrl is not null && !PublicBaseUrl.TryNormalize(request.PublicBaseUrl, out publicBaseUrl, out var error))
        {
            return Problems.Validation("publicBaseUrl", error);
        }
        if (publicBaseUrl is not null && await ClaimedElsewhereAsync(db, caller.InstitutionId, publicBaseUrl, cancellationToken))
        {
            return Problems.PublicBaseUrlTaken(publicBaseUrl);
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
        institution.PublicBaseUrl = publicBaseUrl;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && publicBaseUrl is not null)
        {
            // Another institution took the same URL between the check above and this save: the unique index refused it.
            db.ChangeTracker.Clear();
            if (await ClaimedElsewhereAsync(db, caller.InstitutionId, publicBaseUrl, cancellationToken))
            {
                return Problems.PublicBaseUrlTaken(publicBaseUrl);
            }
            throw;
        }
        return TypedResults.Ok(InstitutionResponse.From(institution));
    }

    // Compared by DID, so that a row stored before URLs were kept in canonical form still counts.
    public static async Task<bool> ClaimedElsewhereAsync(TranscriptsDb db, Guid institutionId, string publicBaseUrl, CancellationToken cancellationToken)
    {
        DidWeb.TryFromBaseUrl(publicBaseUrl, out var did);
        var others = await db.Institutions.AsNoTracking().Where(i => i.Id != institutionId && i.PublicBaseUrl != null)
            .Select(i => i.PublicBaseUrl!).ToListAsync(cancellationToken);
        return others.Any(url => DidWeb.TryFromBaseUrl(url, out var other) && other == did);
    }
}
