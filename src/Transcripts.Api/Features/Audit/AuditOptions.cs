using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Audit;

/// <summary>How often each institution's signed audit head is written to the data folder (<see cref="AuditHeadPublisher"/>).</summary>
internal sealed class AuditOptions
{
    public const string Section = "Audit";

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromDays(1);
}
