using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Sharing;

public sealed class SharingOptions
{
    public const string Section = "Sharing";

    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00")]
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(365);
}
