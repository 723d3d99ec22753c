using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Infrastructure;

internal sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest JSON or CSV body accepted by endpoints that set no limit of their own.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;
}
