using System.Net;
using System.Text.Json;

namespace Transcripts.Api.Tests.Features;

public abstract class HealthTests(TranscriptsApp app)
{
    [SkippableFact]
    public async Task Health_checks_the_database_and_returns_200()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task OpenApi_document_lists_every_endpoint_of_the_table()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("operationId", out _)))
            .Select(o => o.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        Assert.All(Endpoints.All, e => Assert.Contains(e.Name, operations));
    }

    [SkippableFact]
    public async Task Unknown_route_is_a_problem_too()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();

        await Problem.AssertAsync(await client.GetAsync("/no-such-thing"), HttpStatusCode.NotFound, "not-found");
    }

    public sealed class OnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
}
