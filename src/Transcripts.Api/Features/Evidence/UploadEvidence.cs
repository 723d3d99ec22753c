using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

internal static partial class UploadEvidence
{
    public static void Map(IEndpointRouteBuilder group, long requestLimit) =>
        group.MapPost("/files", Handle).WithName(nameof(UploadEvidence))
            .WithSummary("Upload a file as evidence (staff): multipart with a 'file' part and an optional 'title'. Stored once per SHA-256")
            .RequireAuthorization(Policies.Staff)
            .WithBodyLimit(requestLimit)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    internal static async Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> Handle(Guid learnerId, HttpRequest http,
        TranscriptsDb db, CurrentCaller caller, FileStore files, IOptions<EvidenceOptions> options, TimeProvider clock,
        ILogger<EvidenceOptions> logger, CancellationToken cancellationToken)
    {
        if (!http.HasFormContentType)
        {
            return Problems.UnsupportedMediaType(http.ContentType, ["multipart/form-data"]);
        }
        if (!await db.Learners.AnyAsync(l => l.Id == learnerId && l.InstitutionId == caller.InstitutionId, cancellationToken))
        {
            return Problems.NotFound("learner", learnerId);
        }
        var form = await http.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Problems.Validation("file", "The multipart form needs a non-empty part named 'file'.");
        }
        var limit = options.Value.MaxFileBytes;
        if (file.Length > limit)
        {
            return Problems.PayloadTooLarge(limit);
        }
        var mediaType = file.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !options.Value.AllowedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(file.ContentType, options.Value.AllowedMediaTypes);
        }
        var title = form["title"].FirstOrDefault() is { Length: > 0 and <= 500 } t ? t : Path.GetFileName(file.FileName);
        await using var upload = file.OpenReadStream();
        var (head, content) = await MagicBytes.PeekAsync(upload, cancellationToken);
        if (!MagicBytes.Matches(mediaType, head))
        {
            return FileResponses.Mismatch(mediaType);
        }
        var stored = await files.SaveAsync(content, limit, cancellationToken);
        if (stored is null)
        {
            return Problems.PayloadTooLarge(limit);
        }
        var evidence = new Data.Entities.Evidence
        {
            InstitutionId = caller.InstitutionId, LearnerId = learnerId, Kind = EvidenceKind.File, Title = title,
            FileSha256 = stored.Sha256, MediaType = mediaType, FileName = Path.GetFileName(file.FileName), Size = stored.Size,
            CreatedByKeyId = caller.ApiKeyId, CreatedAt = clock.GetUtcNow(),
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        LogStored(logger, evidence.Id, stored.Size);
        return TypedResults.Created($"/evidence/{evidence.Id}", EvidenceResponse.From(evidence));
    }

    [LoggerMessage(LogEvents.EvidenceStored, LogLevel.Information, "Evidence file {EvidenceId} stored ({Size} bytes)")]
    private static partial void LogStored(ILogger logger, Guid evidenceId, long size);
}
