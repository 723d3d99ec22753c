using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;

namespace Transcripts.Api.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/Transcripts.Api -- audit verify --institution &lt;id&gt; [--head file.json]</c>: checks one
/// institution's keyed audit and disclosure chains and rows in the configured database (same Storage and Signing/Audit settings
/// as the service) against the last head published in the data folder, or the archived head given. It reads and names only
/// that institution's events. Exit codes: 0 intact, 1 broken, 2 usage.
/// </summary>
internal static class AuditCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int Usage = 2;

    private const string UsageText = "usage: audit verify --institution <id> [--head <archived head.json>] [--Storage:Provider=Sqlite|Postgres] "
        + "[--Storage:DataDirectory=…] [--Storage:ConnectionString=…] [--Signing:KeyEncryptionKeyFile=…|--Audit:MacKeyFile=…]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var rest = args.Skip(1).ToList();
        var institution = Take(rest, "--institution");
        var headFile = Take(rest, "--head");
        if (args is not ["verify", ..] || !Guid.TryParse(institution, out var institutionId))
        {
            await stderr.WriteLineAsync(UsageText);
            return Usage;
        }
        AuditHead? head = null;
        if (headFile is not null)
        {
            head = File.Exists(headFile) ? AuditHead.FromDocument(System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllBytesAsync(headFile, cancellationToken))) : null;
            if (head is null || head.InstitutionId != institutionId)
            {
                await stderr.WriteLineAsync($"{headFile} is not a published audit head of institution {institutionId}.");
                return Usage;
            }
        }
        var builder = Host.CreateApplicationBuilder([.. rest]);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTranscriptsData(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        head ??= AuditHead.LatestPublished(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, institutionId);
        var result = await InstitutionAuditCheck.CheckAsync(services.GetRequiredService<TranscriptsDb>(), services.GetRequiredService<AuditKey>(),
            institutionId, head, cancellationToken);
        var against = head is null ? "no published head yet" : $"the head published at {head.PublishedAt:u}";
        if (result.IsIntact)
        {
            await stdout.WriteLineAsync($"Audit chain intact: {result.EventsChecked} events ({result.LegacyEvents} from before the keyed chain) and "
                + $"{result.DisclosuresChecked} disclosures of institution {institutionId} checked, against {against}.");
            return Intact;
        }
        await stdout.WriteLineAsync($"Audit chain BROKEN at event {result.FirstBrokenSequence} ({result.FirstBrokenEventId}): {result.Reason}.");
        return Broken;
    }

    private static string? Take(List<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                var value = args[i][(name.Length + 1)..];
                args.RemoveAt(i);
                return value;
            }
            if (args[i] == name && i + 1 < args.Count)
            {
                var value = args[i + 1];
                args.RemoveRange(i, 2);
                return value;
            }
        }
        return null;
    }
}
