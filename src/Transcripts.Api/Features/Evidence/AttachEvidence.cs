using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Evidence;

internal static class AttachEvidence
{
    public sealed record Request
    {
        [Required, StringLength(500, MinimumLength = 1)]
        public required string Title { get; init; }
        /// <summary>A narrative, or…</summary>
        [StringLength(20000)]
        public string? Narrative { get; init; }
        /// <summary>…a link (http or https); exactly one of the two.</summary>
        [Url, StringLength(2000)]
        public string? Url { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(AttachEvidence))
            .WithSummary("Attach a narrative or a link as evidence for a learner (staff); files go to …/evidence/files")
            .RequireAuthorization(Policies.Staff)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Created<EvidenceResponse>, ProblemHttpResult>> Handle(Guid learnerId, Request request,
        TranscriptsDb db, CurrentCaller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        if ((request.Narrative is null) == (request.Url is null))
        {
            return Problems.Validation("narrative", "Give either a narrative or a url, not both and not neither.");
        }
        if (request.Url is not null && !(Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return Problems.Validation("url", "The link is an absolute http(s) URL.");
        }
        if (!await db.Learners.AnyAsync(l => l.Id == learnerId && l.InstitutionId == caller.InstitutionId, cancellationToken))
        {
            return Problems.NotFound("learner", learnerId);
        }
        var evidence = new Data.Entities.Evidence
        {
            InstitutionId = caller.InstitutionId, LearnerId = learnerId, Title = request.Title,
            Kind = request.Url is null ? EvidenceKind.Narrative : EvidenceKind.Link, Narrative = request.Narrative, Url = request.Url,
            CreatedByKeyId = caller.ApiKeyId, CreatedAt = clock.GetUtcNow(),
        };
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/evidence/{evidence.Id}", EvidenceResponse.From(evidence));
    }
}
