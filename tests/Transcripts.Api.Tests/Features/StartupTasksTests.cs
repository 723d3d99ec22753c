using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Transcripts.Api.Data;
using Transcripts.Api.Hosting;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Tests.Features;

/// <summary>
/// The start-up work (on an empty database: the first institution and its admin key) runs after the server listens, so a
/// request can arrive before it is done; the pipeline makes such a request wait for it.
/// </summary>
public sealed class StartupTasksTests
{
    [SkippableFact]
    public async Task A_request_arriving_before_the_start_up_work_waits_for_it_and_then_sees_the_first_institution()
    {
        await WarmUpAsync();
        using var app = new HeldApp();
        using var client = app.CreateClient();
        await app.Hold.Reached.WaitAsync(TimeSpan.FromMinutes(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OperatorKeyAsync(app));

        var listing = client.GetAsync("/operator/institutions");
        // A pipeline that did not wait would answer within milliseconds (the code is warm), with no institution: give it
        // every chance to.
        await Task.WhenAny(listing, Task.Delay(TimeSpan.FromSeconds(5)));
        var answeredEarly = listing.IsCompleted;
        app.Hold.Release();
        var institutions = await Seeded.Json(await listing);

        Assert.False(answeredEarly, "The request was answered while the start-up work was still held.");
        Assert.Equal(1, institutions.GetArrayLength());
        Assert.Equal("My institution", institutions[0].GetProperty("name").GetString());
    }

    // The same request once on another app, so that a first request's compiling is not what keeps the held one waiting.
    private static async Task WarmUpAsync()
    {
        using var warm = new SqliteApp();
        using var client = warm.CreateClientFor(await warm.OperatorKeyAsync());
        (await client.GetAsync("/operator/institutions")).EnsureSuccessStatusCode();
    }

    // Written straight to the database (migrated before the server listens): the tests' own helpers wait for start-up first.
    private static async Task<string> OperatorKeyAsync(HeldApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        var (secret, key) = ApiKeyAuthentication.NewOperatorKey("test operator", app.Clock.GetUtcNow());
        db.OperatorKeys.Add(key);
        await db.SaveChangesAsync();
        return secret;
    }

    private sealed class HeldApp : SqliteApp
    {
        public StartupHold Hold { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(Hold));
        }
    }
}
