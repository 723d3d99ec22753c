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

    /// <summary>
    /// How long an instance's claim on a chunk of learners lasts. While the instance works the chunk it renews the claim every
    /// third of this time (<see cref="BatchLeases"/>), so a chunk may take longer than one lease. An instance that dies, or
    /// cannot reach the database, leaves its claimed learners to the others once the claim lapses: this is how long they wait.
    /// One that stops gracefully gives them back at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often an instance looks for batch work no instance holds (a batch created on another instance, learners whose
    /// claim lapsed), and how often a batch's last instance checks whether the learners others hold are done.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
