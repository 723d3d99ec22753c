using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Demo;
using Transcripts.Api.Features.Keys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Hosting;

/// <summary>What the service does once before it listens.</summary>
internal static class StartupTasks
{
    /// <summary>Migrations, then on an empty database either the demo seed (in demo mode) or the first admin key.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<DemoMode>();
        if (demo.KeyEncryptionKeyWritten is { } kek)
        {
            Features.SigningKeys.Log.DemoKekCreated(app.Logger, kek);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DataModule.MigrateAsync(services, app.Lifetime.ApplicationStopping);
        var db = services.GetRequiredService<TranscriptsDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var output = services.GetRequiredService<ConsoleOutput>();
        var console = output.Writer;
        if (demo.Enabled)
        {
            await DemoSeed.RunAsync(db, services.GetRequiredService<FileStore>(), clock, console, app.Lifetime.ApplicationStopping);
            if (await DemoIssuance.RunAsync(app.Services, app.Lifetime.ApplicationStopping) is { } issued)
            {
                await DemoIssuance.PrintAsync(issued, console);
            }
        }
        await BootstrapAdminKey.RunAsync(db, app.Configuration, clock, output,
            services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, app.Lifetime.ApplicationStopping);
    }
}
