using System.Net;
using System.Text.Json;

namespace Transcripts.Api.Tests.Features;

/// <summary>Liveness answers while the process does; readiness needs the database, every migration and the key-encryption key.</summary>
public sealed class HealthProbeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_every_readiness_check_named()
    {
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(["database", "key-encryption-key", "migrations"], checks.EnumerateObject().Select(c => c.Name).Order().ToArray());
    }
}

/// <summary>Without a key-encryption key the instance is alive but not ready: a load balancer must not send it issuance.</summary>
public sealed class HealthWithoutKekTests(NoKekSqliteApp app) : IClassFixture<NoKekSqliteApp>
{
    [Fact]
    public async Task Ready_answers_503_naming_the_missing_key_while_live_answers_200()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var problem = await Problem.AssertAsync(await client.GetAsync("/health/ready"), HttpStatusCode.ServiceUnavailable, "unavailable");

        Assert.Contains("key-encryption-key", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("database:", problem.GetProperty("detail").GetString());
    }
}
