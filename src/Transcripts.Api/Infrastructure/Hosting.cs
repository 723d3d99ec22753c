using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Transcripts.Api.Infrastructure;

/// <summary>What the service needs to run among others: forwarded headers from known proxies, and a bounded graceful shutdown.</summary>
internal static class Hosting
{
    /// <summary>Seconds a stopping instance gives requests and background work to finish (<c>Hosting:ShutdownTimeoutSeconds</c>).</summary>
    public const string ShutdownTimeoutSetting = "Hosting:ShutdownTimeoutSeconds";
    public const int DefaultShutdownTimeoutSeconds = 30;

    public static IServiceCollection AddHosting(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = proxy.ForwardLimit;
            foreach (var address in proxy.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(address, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies holds '{address}', which is not an IP address."));
            }
            foreach (var network in proxy.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks holds '{network}', which is not a network in CIDR form (10.0.0.0/24)."));
            }
        });
        var seconds = configuration.GetValue(ShutdownTimeoutSetting, DefaultShutdownTimeoutSeconds);
        if (seconds is < 1 or > 3600)
        {
            throw new InvalidOperationException($"{ShutdownTimeoutSetting} must be between 1 and 3600 seconds.");
        }
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return services;
    }
}
