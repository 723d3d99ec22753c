using System.Net;

namespace Transcripts.Api.Tests.Features;

/// <summary>The SQLite app with the public rate limit at 3 requests per address per minute.</summary>
public sealed class RateLimitedSqliteApp : SqliteApp
{
    public const int Limit = 3;

    protected override int PermitLimit => Limit;
}

/// <summary>Anonymous endpoints answer 429 <c>rate-limited</c> past the limit; keyed requests and health probes are not limited.</summary>
public sealed class RateLimitTests(RateLimitedSqliteApp app) : IClassFixture<RateLimitedSqliteApp>
{
    [Fact]
    public async Task The_public_endpoints_answer_429_after_the_limit_and_keyed_requests_go_on()
    {
        var school = await app.SeedInstitutionAsync();
        using var anonymous = app.CreateClient();
        using var admin = app.CreateClientFor(school.Admin);
        // Health probes and keyed requests before, between and after: none of them counts.
        for (var i = 0; i < RateLimitedSqliteApp.Limit + 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/institution")).StatusCode);
        }
        var paths = new[] { $"/institutions/{school.Id}/did.json", $"/v/{Guid.NewGuid()}", "/share" };
        for (var i = 0; i < RateLimitedSqliteApp.Limit; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync(paths[i % paths.Length])).StatusCode);
        }

        var limited = await anonymous.GetAsync(paths[0]);
        var other = await anonymous.PostAsync("/credentials/verify", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await Problem.AssertAsync(other, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/institution")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }
}
