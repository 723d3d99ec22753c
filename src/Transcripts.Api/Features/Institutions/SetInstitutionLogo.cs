using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

internal static class SetInstitutionLogo
{
    public const long MaxBytes = 1024 * 1024;
    public static readonly string[] MediaTypes = ["image/png", "image/jpeg", "image/svg+xml"];

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/logo", Handle).WithName(nameof(SetInstitutionLogo))
            .WithSummary("Upload the logo as the raw request body (image/png, image/jpeg or image/svg+xml, at most 1 MB) (admin)")
            .RequireAuthorization(Policies.Admin)
            .WithBodyLimit(MaxBytes)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<InstitutionResponse>, ProblemHttpResult>> Handle(
        HttpRequest http, TranscriptsDb db, CurrentCaller caller, FileStore files, CancellationToken cancellationToken)
    {
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !MediaTypes.Contains(mediaType))
        {
            return Problems.UnsupportedMediaType(http.ContentType, MediaTypes);
        }
        var stored = await files.SaveAsync(http.Body, MaxBytes, cancellationToken);
        if (stored is null)
        {
            return Problems.PayloadTooLarge(MaxBytes);
        }
        if (stored.Size == 0)
        {
            return Problems.Validation("body", "The logo is empty.");
        }
        var institution = await db.Institutions.SingleAsync(i => i.Id == caller.InstitutionId, cancellationToken);
        institution.LogoSha256 = stored.Sha256;
        institution.LogoMediaType = mediaType;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(InstitutionResponse.From(institution));
    }
}
