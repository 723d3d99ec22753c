using Microsoft.Extensions.Hosting;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/Transcripts.Api -- audit verify</c>: checks the audit chain of the configured database
/// (same Storage settings as the service). Exit codes: 0 intact, 1 broken, 2 usage.
/// </summary>
internal static class AuditCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args is not ["verify", ..])
        {
            await stderr.WriteLineAsync("usage: audit verify [--Storage:Provider=Sqlite|Postgres] [--Storage:DataDirectory=…] [--Storage:ConnectionString=…]");
            return Usage;
        }
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTranscriptsData(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var result = await VerifyAuditChain.CheckAsync(scope.ServiceProvider.GetRequiredService<TranscriptsDb>(), cancellationToken);
        if (result.IsIntact)
        {
            await stdout.WriteLineAsync($"Audit chain intact: {result.EventsChecked} events checked.");
            return Intact;
        }
        await stdout.WriteLineAsync($"Audit chain BROKEN at event {result.FirstBrokenSequence} ({result.FirstBrokenEventId}): {result.Reason}.");
        return Broken;
    }
}
