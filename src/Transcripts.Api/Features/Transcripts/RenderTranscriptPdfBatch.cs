using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Transcripts;

/// <summary>
/// Renders many transcripts into one zip: given credential ids, or learner ids (each learner's current full or latest
/// transcript). An item that cannot be rendered does not stop the others; <c>manifest.json</c> in the zip lists every item
/// with its file or its problem code and detail. Each rendered transcript is a disclosure.
/// </summary>
internal static class RenderTranscriptPdfBatch
{
    public const string ManifestName = "manifest.json";

    public sealed record Request
    {
        public IReadOnlyList<Guid>? CredentialIds { get; init; }
        public IReadOnlyList<Guid>? LearnerIds { get; init; }

        /// <summary>Reprint revoked or suspended transcripts for the record instead of reporting them.</summary>
        public bool ReprintRevoked { get; init; }
    }

    public sealed record ManifestItem(Guid? CredentialId, Guid? LearnerId, string Status, string? File, string? Code, string? Detail);

    public sealed record Manifest(int Rendered, int Failed, IReadOnlyList<ManifestItem> Items);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/pdf-batch", Handle).WithName(nameof(RenderTranscriptPdfBatch))
            .WithSummary("Render the PDFs of several transcripts (by credential or learner) into a zip with a manifest of per-item results")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Request request, TranscriptsDb db,
        CurrentCaller caller, TranscriptPdfService pdfs, IOptions<TranscriptPdfOptions> options, TimeProvider clock,
        ILogger<TranscriptPdfService> logger, CancellationToken cancellationToken)
    {
        var credentials = request.CredentialIds ?? [];
        var learners = request.LearnerIds ?? [];
        if ((credentials.Count == 0) == (learners.Count == 0))
        {
            return Problems.Validation("credentialIds", "Name either credentialIds or learnerIds (not both), with at least one id.");
        }
        if (credentials.Count + learners.Count > options.Value.MaxBatchItems)
        {
            return Problems.Validation(credentials.Count > 0 ? "credentialIds" : "learnerIds",
                $"A batch renders at most {options.Value.MaxBatchItems} transcripts; split the request.");
        }
        var targets = credentials.Count > 0 ? credentials.Distinct().Select(c => ((Guid?)c, (Guid?)null)).ToList()
            : await CurrentTranscriptsAsync(db, caller.InstitutionId, learners.Distinct().ToList(), cancellationToken);

        var items = new List<ManifestItem>();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (credentialId, learnerId) in targets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (credentialId is not { } id)
                {
                    items.Add(new(null, learnerId, "failed", null, Problems.Codes.NoTranscript, $"Learner {learnerId} has no current transcript visible to you; issue one first."));
                    continue;
                }
                var (pdf, problem) = await pdfs.RenderAsync(caller.InstitutionId, id, request.ReprintRevoked, cancellationToken);
                if (pdf is null)
                {
                    items.Add(new(id, learnerId, "failed", null, Problems.CodeOf(problem!), problem!.ProblemDetails.Detail));
                    continue;
                }
                var file = $"{Path.GetFileNameWithoutExtension(pdf.FileName)} {id.ToString("N")[..8]}.pdf";
                var entry = zip.CreateEntry(file, CompressionLevel.NoCompression);
                await using (var output = await entry.OpenAsync(cancellationToken))
                {
                    await output.WriteAsync(pdf.Content, cancellationToken);
                }
                caller.Disclose(db, pdf.LearnerId, $"transcript PDF {id}", clock.GetUtcNow());
                items.Add(new(id, pdf.LearnerId, "rendered", file, null, null));
            }
            var manifest = new Manifest(items.Count(i => i.Status == "rendered"), items.Count(i => i.Status != "rendered"), items);
            var manifestEntry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
            await using (var output = await manifestEntry.OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(output, manifest, s_json, cancellationToken);
            }
            Log.BatchRendered(logger, manifest.Rendered, manifest.Failed);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(buffer.ToArray(), "application/zip", $"transcripts-{clock.GetUtcNow():yyyy-MM-dd}.zip");
    }

    /// <summary>Each learner's current transcript: the newest one neither revoked nor superseded; none for a learner not of this institution.</summary>
    private static async Task<List<(Guid? CredentialId, Guid? LearnerId)>> CurrentTranscriptsAsync(TranscriptsDb db, Guid institutionId,
        List<Guid> learnerIds, CancellationToken cancellationToken)
    {
        var current = await db.Credentials.AsNoTracking()
            .Where(c => c.InstitutionId == institutionId && c.Kind == CredentialKind.Transcript && c.LearnerId != null
                && learnerIds.Contains(c.LearnerId.Value) && c.RevokedAt == null && c.SupersededById == null)
            .Select(c => new { c.Id, c.LearnerId, c.IssuedAt }).ToListAsync(cancellationToken);
        return [.. learnerIds.Select(l => (current.Where(c => c.LearnerId == l).OrderByDescending(c => c.IssuedAt.UtcTicks).Select(c => (Guid?)c.Id).FirstOrDefault(), (Guid?)l))];
    }
}
