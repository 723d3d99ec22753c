using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Features.Sharing;

public sealed class SharingOptions
{
    public const string Section = "Sharing";

    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:05:00", "3650.00:00:00")]
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How many times a new link may be opened unless its creator asks for fewer.</summary>
    [Range(1, 10_000)]
    public int DefaultMaxOpens { get; set; } = 20;

    /// <summary>The most opens a creator may ask for; each open is one disclosure row, so this bounds them per link.</summary>
    [Range(1, 100_000)]
    public int MaxOpensLimit { get; set; } = 200;
}
