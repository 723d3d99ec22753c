using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Infrastructure;

internal sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// How long a looked-up key is remembered, saving a query per request. Revoking a key evicts it at once in this
    /// process; other instances sharing a PostgreSQL database notice within this time. 0 turns the cache off.
    /// </summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 30;
}
