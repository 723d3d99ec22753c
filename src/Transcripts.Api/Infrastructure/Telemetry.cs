using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces (ASP.NET Core, Npgsql, the service's own source) and metrics (ASP.NET Core, the service's meter),
/// recorded and exported over OTLP only when <see cref="TelemetryOptions.OtlpEndpoint"/> is set: with no collector there is no
/// tracer or meter provider at all, so no request or database command pays for spans nobody reads. Nothing personal leaves in a span: the path
/// is replaced by its route template (so no learner, credential or share-link id), the query string is dropped, and no header
/// or exception message is recorded; Npgsql spans carry SQL with parameter placeholders, never values.
/// </summary>
internal static class Telemetry
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.TryAddSingleton<ServiceMetrics>();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) && otlp is null)
        {
            throw new InvalidOperationException("Telemetry:OtlpEndpoint is not an absolute URL such as http://collector:4317.");
        }
        if (otlp is null)
        {
            return services;
        }
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(options.ServiceName));
        telemetry.WithTracing(tracing => tracing.AddSource(ServiceMetrics.Name)
            .AddAspNetCoreInstrumentation(o =>
            {
                o.RecordException = false;
                o.EnrichWithHttpResponse = (activity, response) => Scrub(activity, response.HttpContext);
            })
            .AddNpgsql()
            .AddOtlpExporter(o => o.Endpoint = otlp));
        telemetry.WithMetrics(metrics => metrics.AddMeter(ServiceMetrics.Name).AddAspNetCoreInstrumentation()
            .AddOtlpExporter(o => o.Endpoint = otlp));
        return services;
    }

    /// <summary>A request's span keeps the route template in place of the path, and no query string.</summary>
    private static void Scrub(Activity activity, HttpContext context)
    {
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", template ?? "(unmatched)");
        activity.SetTag("url.query", null);
        activity.DisplayName = $"{context.Request.Method} {template ?? "(unmatched)"}";
    }
}
