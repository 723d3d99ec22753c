using System.ComponentModel.DataAnnotations;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Running behind a reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies
/// and networks listed here (loopback is always trusted, as ASP.NET Core does), so the client address the rate limit counts
/// and the scheme the service sees cannot be forged by a client.
/// </summary>
internal sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the service, such as 10.0.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, such as 10.0.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep the forwarded headers are read.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}
