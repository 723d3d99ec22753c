using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter over every anonymous endpoint (those marked AllowAnonymous, health probes excepted): a fixed
/// window per client address (the forwarded one behind a known proxy). A request over the limit gets 429 <c>rate-limited</c>
/// with <c>Retry-After</c>. Endpoints that need an API key are not limited here.
/// </summary>
internal static class PublicRateLimits
{
    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var options = configured.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimited(context, options)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit, Window = TimeSpan.FromSeconds(options.WindowSeconds), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.WindowSeconds))
                    .TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
                await Problems.RateLimited(options.PermitLimit, options.WindowSeconds).ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static bool IsLimited(HttpContext context, RateLimitOptions options) =>
        options.Enabled && context.GetEndpoint() is { } endpoint
        && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && endpoint.Metadata.GetMetadata<NotRateLimited>() is null;
}
