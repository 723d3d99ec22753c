using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.ApiKeys;
using Transcripts.Api.Features.Demo;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Hosting;

/// <summary>What the service does once around the moment it starts listening.</summary>
internal static class StartupTasks
{
    /// <summary>
    /// Migrations, then the server starts and prints the addresses it really listens on; then, on an empty database, either
    /// the demo seed (in demo mode; its DID and printed URLs on the first of those addresses) or the first admin key.
    /// </summary>
    public static async Task RunServiceAsync(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        var demo = app.Services.GetRequiredService<DemoMode>();
        if (demo.KeyEncryptionKeyWritten is { } kek)
        {
            Features.SigningKeys.Log.DemoKekCreated(app.Logger, kek);
        }
        await using (var migration = app.Services.CreateAsyncScope())
        {
            await DataModule.MigrateAsync(migration.ServiceProvider, stopping);
        }
        await Features.Web.Accounts.SchoolSignIn.CheckInstitutionsAsync(app.Services, stopping);
        // The server must listen before its real address is known (--urls with port 0), and the demo seed needs that
        // address; requests wait here until the seed and the first admin key are in place.
        var prepared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Use(async (context, next) =>
        {
            await prepared.Task.WaitAsync(context.RequestAborted);
            await next(context);
        });
        await app.StartAsync(stopping);
        try
        {
            await PrepareAsync(app, demo.Enabled, stopping);
        }
        finally
        {
            prepared.TrySetResult();
        }
        await app.WaitForShutdownAsync();
    }

    private static async Task PrepareAsync(WebApplication app, bool demo, CancellationToken stopping)
    {
        if (app.Services.GetService<StartupHold>() is { } hold)
        {
            await hold.WaitAsync(stopping);
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var output = app.Services.GetRequiredService<ConsoleOutput>();
        await output.Writer.WriteLineAsync($"Listening on {string.Join(", ", addresses)}");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TranscriptsDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (demo)
        {
            var baseUrl = PublicAddress(addresses);
            await DemoSeed.RunAsync(db, services.GetRequiredService<FileStore>(), clock, output.Writer, baseUrl, stopping);
            if (await DemoIssuance.RunAsync(app.Services, baseUrl, stopping) is { } issued)
            {
                await DemoIssuance.PrintAsync(issued, baseUrl, output.Writer);
            }
            await DemoSignIn.RunAsync(app.Services, baseUrl, output.Writer, stopping);
            if (await Features.Operator.OperatorKeys.EnsureAsync(db, clock, services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory,
                    app.Logger, stopping) is { } operatorKeyFile)
            {
                await output.Writer.WriteLineAsync($"--demo: an operator key, which creates and suspends institutions, is in {operatorKeyFile} (readable only by this user).");
            }
        }
        await BootstrapAdminKey.RunAsync(db, app.Configuration, clock, output,
            services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, stopping);
    }

    /// <summary>
    /// The address to print and to put in the demo institution's DID: the first one listened on, with a wildcard host
    /// (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) written as <c>localhost</c>, without a trailing slash.
    /// </summary>
    internal static string PublicAddress(IReadOnlyList<string> addresses)
    {
        if (addresses.Count == 0)
        {
            return DemoSeed.BaseUrl;
        }
        var address = addresses[0].TrimEnd('/');
        foreach (var wildcard in new[] { "://0.0.0.0:", "://[::]:", "://+:", "://*:" })
        {
            address = address.Replace(wildcard, "://localhost:", StringComparison.Ordinal);
        }
        return address;
    }
}
