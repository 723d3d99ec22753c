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

    /// <summary>Migrations, then on an empty database either the demo seed (with --demo) or the first admin key.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool demo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DataModule.MigrateAsync(services, app.Lifetime.ApplicationStopping);
        var db = services.GetRequiredService<TranscriptsDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var output = services.GetRequiredService<ConsoleOutput>();
        var console = output.Writer;
        if (demo)
        {
            await DemoSeed.RunAsync(db, services.GetRequiredService<FileStore>(), clock, console, app.Lifetime.ApplicationStopping);
            if (await DemoIssuance.RunAsync(app.Services, app.Lifetime.ApplicationStopping) is { } issued)
            {
                await DemoIssuance.PrintAsync(issued, console);
            }
        }
        await BootstrapAdminKey.RunAsync(db, app.Configuration, clock, output,
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.DataDirectory, app.Lifetime.ApplicationStopping);
    }
}
