using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// How many requests one client address may make to the anonymous endpoints (verification, status lists, share links, the
/// verification page, DID documents and trust bundles) in one fixed window. Requests with an API key are not limited here.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Whether anonymous endpoints are limited at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests allowed per address per window.</summary>
    [Range(1, 1_000_000_000)]
    public int PermitLimit { get; set; } = 300;

    /// <summary>The window's length in seconds.</summary>
    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}
