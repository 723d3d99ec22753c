using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Audit;

namespace Transcripts.Api.Cli;

/// <summary>
/// <c>audit verify</c>: checks the audit chain of the configured database (the service's Storage settings).
/// <see cref="ExitCodes.Done"/> intact, <see cref="ExitCodes.Failed"/> broken.
/// </summary>
internal static class AuditCommand
{
    public const string Name = "audit";

    public static Command Create(CliContext context)
    {
        var verify = new Command("verify", "Check that no audit event was changed, removed or inserted since it was written.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        verify.SetAction((parse, cancellationToken) => VerifyAsync(AdminCli.Configuration(parse), context, cancellationToken));
        return new Command(Name, "The audit log of the configured database.") { verify };
    }

    private static async Task<int> VerifyAsync(string[] configuration, CliContext context, CancellationToken cancellationToken)
    {
        // The data services alone: checking the chain needs no keys, options or endpoints of the service.
        var builder = Host.CreateApplicationBuilder(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTranscriptsData(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await VerifyAuditChain.CheckAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), cancellationToken);
        if (result.IsIntact)
        {
            await context.Out.WriteLineAsync($"Audit chain intact: {result.EventsChecked} events checked.");
            return ExitCodes.Done;
        }
        await context.Out.WriteLineAsync($"Audit chain BROKEN at event {result.FirstBrokenSequence} ({result.FirstBrokenEventId}): {result.Reason}.");
        return ExitCodes.Failed;
    }
}
