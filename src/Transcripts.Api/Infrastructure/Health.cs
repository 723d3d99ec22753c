using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Liveness and readiness, as ASP.NET Core health checks. <c>/health/live</c> runs no check: the process answers, so it need
/// not be restarted. <c>/health/ready</c>: the database is reachable, every migration is applied, and the key-encryption key is
/// loaded; a load balancer sends requests only to a ready instance. <c>/health</c> checks the database alone, as it always has.
/// A failing check answers 503 as a problem naming the checks, never their exception (which may hold a connection string).
/// </summary>
internal static class Health
{
    public const string ReadyTag = "ready";
    public const string DatabaseTag = "database";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag, DatabaseTag])
            .AddCheck<MigrationsCheck>("migrations", tags: [ReadyTag])
            .AddCheck<KeyEncryptionKeyCheck>("key-encryption-key", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        Map(app, "/health", "Health", "200 when the service can reach its database, else 503", c => c.Tags.Contains(DatabaseTag));
        Map(app, "/health/live", "HealthLive", "200 while the process answers (liveness: no dependency is checked)", _ => false);
        Map(app, "/health/ready", "HealthReady", "200 when the database is reachable, migrations are applied and the key-encryption key is loaded, else 503",
            c => c.Tags.Contains(ReadyTag));
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, string name, string summary, Func<HealthCheckRegistration, bool> predicate) =>
        app.MapHealthChecks(path, new HealthCheckOptions { Predicate = predicate, ResponseWriter = WriteAsync })
            .WithName(name).WithTags("Health").WithSummary(summary).AllowAnonymous()
            .WithMetadata(new NotRateLimited());

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = "healthy",
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()),
            }));
            return;
        }
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? "failed"}").ToList();
        await Problems.Unavailable("Not ready: " + string.Join("; ", failing) + ".").ExecuteAsync(context);
    }

    private sealed class DatabaseCheck(TranscriptsDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("the database cannot be reached");
    }

    private sealed class MigrationsCheck(TranscriptsDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("the database cannot be reached");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migrations are not applied yet");
        }
    }

    private sealed class KeyEncryptionKeyCheck(KeyEncryption encryption) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(encryption.IsConfigured ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no key-encryption key is loaded (Signing:KeyEncryptionKey or Signing:KeyEncryptionKeyFile)"));
    }
}
