namespace Transcripts.Api.Infrastructure;

/// <summary>OpenTelemetry export. Traces and metrics are recorded only for an OTLP endpoint set here; without one there are none.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector, such as http://collector:4317; none (the default) records and exports nothing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The service name resources carry, to tell this deployment's instances from others at the collector.</summary>
    public string ServiceName { get; set; } = "transcripts-api";
}
