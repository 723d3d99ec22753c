using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Institutions;

internal static class SetInstitutionLogo
{
    public const long MaxBytes = 1024 * 1024;
    /// <summary>
    /// Raster images only: an SVG is a document that can carry script and external references, and the logo is printed on
    /// every transcript and served to every member, so it is refused rather than sanitized.
    /// </summary>
    public static readonly string[] MediaTypes = ["image/png", "image/jpeg"];

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/logo", Handle).WithName(nameof(SetInstitutionLogo))
            .WithSummary("Upload the logo as the raw request body (image/png or image/jpeg, checked against its bytes, at most 1 MB; SVG is refused) (admin)")
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
        var (head, body) = await MagicBytes.PeekAsync(http.Body, cancellationToken);
        if (head.Length > 0 && !MagicBytes.Matches(mediaType, head))
        {
            return FileResponses.Mismatch(mediaType);
        }
        var stored = await files.SaveAsync(body, MaxBytes, cancellationToken);
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
