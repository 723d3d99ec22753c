using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Transcripts.Api.Tests.Features;

/// <summary>The SQLite app exporting its traces and metrics to memory.</summary>
public sealed class TelemetrySqliteApp : SqliteApp
{
    // Spans are exported on the threads that end them, while the test reads: the collections take a lock for both.
    public LockedCollection<Activity> Activities { get; } = new();

    public LockedCollection<Metric> Metrics { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Telemetry is recorded only for a collector; this one is never reached (the exporter drops what it cannot send).
        builder.UseSetting("Telemetry:OtlpEndpoint", "http://127.0.0.1:9");
        builder.ConfigureTestServices(services => services.AddOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(Activities))
            .WithMetrics(m => m.AddInMemoryExporter(Metrics)));
    }

    public void Flush()
    {
        Services.GetRequiredService<TracerProvider>().ForceFlush();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
    }
}

/// <summary>A collection the exporters add to from any thread and a test reads as a copy.</summary>
public sealed class LockedCollection<T> : System.Collections.ObjectModel.Collection<T>
{
    private readonly Lock _lock = new();

    public List<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}

/// <summary>Spans and metric points carry route templates and fixed words: no learner's id or name, no token, no id from a route.</summary>
public sealed class TelemetryTests(TelemetrySqliteApp app) : IClassFixture<TelemetrySqliteApp>
{
    [Fact]
    public async Task No_personal_value_is_in_any_exported_tag_and_the_service_meter_counts()
    {
        var seeded = await Seeded.CreateAsync(app);
        var school = seeded.School;
        using var admin = app.CreateClientFor(school.Admin);
        var share = await Seeded.Json(await admin.PostAsJsonAsync($"/learners/{school.LearnerA}/share-links",
            new { credentialIds = new[] { seeded.CredentialId }, reason = "Sent to the college on the learner's request" }));
        var token = share.GetProperty("token").GetString()!;
        using var anonymous = app.CreateClient();
        using var open = new HttpRequestMessage(HttpMethod.Get, "/share?learner=" + school.LearnerA);
        open.Headers.Add("X-Share-Token", token);
        (await anonymous.SendAsync(open)).EnsureSuccessStatusCode();
        (await admin.GetAsync($"/learners/{school.LearnerA}/record?name=Ελένη")).EnsureSuccessStatusCode();
        var credential = await (await admin.GetAsync($"/credentials/{seeded.CredentialId}")).Content.ReadAsStringAsync();
        (await anonymous.PostAsync("/credentials/verify", new StringContent($"{{\"verifiableCredential\":{credential}}}",
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        // A request's span ends just after its answer is sent: wait for the last one (the verification) to be exported.
        for (var attempt = 0; attempt < 100 && !app.Activities.Snapshot().Any(a => a.DisplayName.Contains("/credentials/verify")); attempt++)
        {
            await Task.Delay(50);
        }
        app.Flush();

        var activities = app.Activities.Snapshot();
        Assert.Contains(activities, a => a.DisplayName == "GET /learners/{id:guid}/record");
        var values = activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName))
            .Concat(app.Metrics.Snapshot().SelectMany(TagsOf)).ToList();
        string[] secrets = [school.LearnerA.ToString(), seeded.CredentialId.ToString(), share.GetProperty("id").GetString()!, token,
            "Ελένη", "%CE%95", school.Admin];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
        var issued = app.Metrics.Snapshot().Where(m => m.Name == "transcripts.credentials.issued").SelectMany(TagsOf).ToList();
        Assert.Contains("kind=achievement", issued);
        var verified = app.Metrics.Snapshot().Where(m => m.Name == "transcripts.verifications").SelectMany(TagsOf).ToList();
        Assert.Contains("outcome=verified", verified);
    }

    private static IEnumerable<string> TagsOf(Metric metric)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{tag.Key}={tag.Value}";
            }
        }
    }
}

/// <summary>With no collector configured there is nothing to record for: no tracer or meter provider, no listener on requests.</summary>
public sealed class TelemetryOffTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_an_otlp_endpoint_the_service_registers_no_tracer_or_meter_provider()
    {
        (await app.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<global::Transcripts.Api.Infrastructure.ServiceMetrics>());
    }
}
