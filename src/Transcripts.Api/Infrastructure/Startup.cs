using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Demo;
using Transcripts.Api.Features.Keys;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Where start-up prints what a person must see once (the first admin key, the demo keys). <see cref="IsInteractive"/> is false
/// when standard output is redirected (a log collector, a pipe): secrets then go only to a file readable by the service's user.
/// </summary>
internal sealed record ConsoleOutput(TextWriter Writer, bool IsInteractive = true);

internal static class Startup
{
    public const string DemoFlag = "--demo";

    /// <summary>The same as <see cref="DemoFlag"/>, from configuration.</summary>
    public const string DemoSetting = "Demo:Seed";

    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails is HttpValidationProblemDetails
                ? "validation-failed" : Problems.CodeFor(status));
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FileStore>();
        services.AddSingleton(new ConsoleOutput(Console.Out, !Console.IsOutputRedirected));
        services.AddOpenApi();
        // Defaults for when no appsettings.json is beside the working directory (dotnet run from the repository root);
        // SQL text is never logged at Information, and parameter values never (sensitive data logging stays off).
        services.AddLogging(l => l.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        return services;
    }

    /// <summary>
    /// Migrations, then the server starts and prints the addresses it really listens on; then, on an empty database, either
    /// the demo seed (with --demo; its DID and printed URLs on the first of those addresses) or the first admin key.
    /// </summary>
    public static async Task RunServiceAsync(this WebApplication app, bool demo)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        await using (var migration = app.Services.CreateAsyncScope())
        {
            await DataModule.MigrateAsync(migration.ServiceProvider, stopping);
        }
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
            await PrepareAsync(app, demo, stopping);
        }
        finally
        {
            prepared.TrySetResult();
        }
        await app.WaitForShutdownAsync();
    }

    private static async Task PrepareAsync(WebApplication app, bool demo, CancellationToken stopping)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var output = app.Services.GetRequiredService<ConsoleOutput>();
        await output.Writer.WriteLineAsync($"Listening on {string.Join(", ", addresses)}");
        await using (var scope = app.Services.CreateAsyncScope())
        {
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
            }
            await BootstrapAdminKey.RunAsync(db, app.Configuration, clock, output,
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DataDirectory, stopping);
        }
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
