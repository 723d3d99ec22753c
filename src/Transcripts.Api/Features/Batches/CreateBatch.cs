using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Batches;

internal static class CreateBatch
{
    public sealed record Request
    {
        /// <summary>The learners; every active learner of the institution when omitted.</summary>
        [MaxLength(100_000)]
        public IReadOnlyList<Guid>? LearnerIds { get; init; }
    }

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("", Handle).WithName(nameof(CreateBatch))
            .WithSummary("Issue transcripts for many learners in the background; poll the batch for progress")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    internal static async Task<Results<Accepted<BatchResponse>, ProblemHttpResult>> Handle(Request request, TranscriptsDb db, CurrentCaller caller,
        BatchRunner runner, TimeProvider clock, IOptions<BatchOptions> options, CancellationToken cancellationToken)
    {
        var (batch, items, problem) = await CreateAsync(db, caller.InstitutionId, caller.ApiKeyId, request.LearnerIds, clock, options.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        runner.Enqueue(batch!.Id);
        return TypedResults.Accepted($"/batches/{batch.Id}", BatchResponse.From(batch, items));
    }

    public static async Task<(Batch? Batch, List<BatchItem> Items, ProblemHttpResult? Problem)> CreateAsync(TranscriptsDb db, Guid institutionId,
        Guid createdBy, IReadOnlyList<Guid>? learnerIds, TimeProvider clock, BatchOptions options, CancellationToken cancellationToken)
    {
        var learners = await db.Learners.AsNoTracking().Where(l => l.InstitutionId == institutionId && !l.IsArchived)
            .Select(l => l.Id).ToListAsync(cancellationToken);
        if (learnerIds is not null)
        {
            var known = learners.ToHashSet();
            if (learnerIds.FirstOrDefault(id => !known.Contains(id)) is var missing && missing != Guid.Empty)
            {
                return (null, [], Problems.Validation(nameof(Request.LearnerIds), $"Learner {missing} is not an active learner of this institution."));
            }
            learners = learnerIds.Distinct().ToList();
        }
        if (learners.Count == 0 || learners.Count > options.MaxLearners)
        {
            return (null, [], Problems.Validation(nameof(Request.LearnerIds), $"A batch has 1 to {options.MaxLearners:N0} learners; this one has {learners.Count:N0}."));
        }
        var batch = new Batch { InstitutionId = institutionId, CreatedByKeyId = createdBy, CreatedAt = clock.GetUtcNow() };
        var items = learners.Select(id => new BatchItem { BatchId = batch.Id, LearnerId = id }).ToList();
        db.Batches.Add(batch);
        db.BatchItems.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);
        return (batch, items, null);
    }
}
