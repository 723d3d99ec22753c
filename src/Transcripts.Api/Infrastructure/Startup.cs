using Microsoft.AspNetCore.Http.Json;

namespace Transcripts.Api.Infrastructure;

/// <summary>
/// Where start-up prints what a person must see once (the first admin key, the demo keys). <see cref="IsInteractive"/> is false
/// when standard output is redirected (a log collector, a pipe): secrets then go only to a file readable by the service's user.
/// </summary>
internal sealed record ConsoleOutput(TextWriter Writer, bool IsInteractive = true);

internal static class Startup
{
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
}
