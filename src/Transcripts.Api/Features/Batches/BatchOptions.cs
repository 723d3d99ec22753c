using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Batches;

public sealed class BatchOptions
{
    public const string Section = "Batches";

    [Range(1, 100_000)]
    public int MaxLearners { get; set; } = 20_000;

    /// <summary>
    /// How many learners are signed ahead of the one being saved. Signing runs on as many threads (one learner each) while
    /// one writer saves learners in order; the default keeps every core busy. 1 still overlaps signing with saving.
    /// </summary>
    [Range(1, 64)]
    public int LearnersInFlight { get; set; } = Math.Min(Environment.ProcessorCount, 64);

    /// <summary>A pause after each learner, so a large batch leaves room for interactive requests. Default none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PauseBetweenItems { get; set; } = TimeSpan.Zero;
}
