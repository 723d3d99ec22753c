using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Audit;

namespace Transcripts.Api.Cli;

/// <summary>
/// <c>audit verify --institution ID [--head FILE]</c>: checks one institution's keyed audit and disclosure chains and rows in
/// the configured database (the service's Storage, Signing and Audit settings) against the last head published in the data
/// folder, or the archived head given. It reads and names only that institution's events.
/// <see cref="ExitCodes.Done"/> intact, <see cref="ExitCodes.Failed"/> broken, <see cref="ExitCodes.Usage"/> a head that is not
/// this institution's.
/// </summary>
internal static class AuditCommand
{
    public const string Name = "audit";

    public static Command Create(CliContext context)
    {
        var institution = new Option<Guid>("--institution") { Description = "The institution whose chains are checked.", Required = true };
        var head = new Option<FileInfo?>("--head") { Description = "An archived audit head (JSON) to check the chains against." };
        var verify = new Command("verify", "Check that no audit event or disclosure was changed, removed or inserted since it was written.")
        {
            institution,
            head,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, cancellationToken) => VerifyAsync(AdminCli.Configuration(parse), parse.GetValue(institution),
            parse.GetValue(head), context, cancellationToken));
        return new Command(Name, "The audit log of the configured database.") { verify };
    }

    private static async Task<int> VerifyAsync(string[] configuration, Guid institutionId, FileInfo? headFile, CliContext context,
        CancellationToken cancellationToken)
    {
        AuditHead? head = null;
        if (headFile is not null)
        {
            head = headFile.Exists ? AuditHead.FromDocument(JsonNode.Parse(await File.ReadAllBytesAsync(headFile.FullName, cancellationToken))) : null;
            if (head is null || head.InstitutionId != institutionId)
            {
                await context.Error.WriteLineAsync($"{headFile.Name} is not a published audit head of institution {institutionId}.");
                return ExitCodes.Usage;
            }
        }
        // The data services alone: checking the chains needs the audit key, not the service's endpoints.
        var builder = Host.CreateApplicationBuilder(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTranscriptsData(builder.Configuration);
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        head ??= AuditHead.LatestPublished(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, institutionId);
        var result = await InstitutionAuditCheck.CheckAsync(services.GetRequiredService<TranscriptsDb>(), services.GetRequiredService<AuditKey>(),
            institutionId, head, cancellationToken);
        if (result.IsIntact)
        {
            var against = head is null ? "no published head yet" : $"the head published at {head.PublishedAt:u}";
            await context.Out.WriteLineAsync($"Audit chain intact: {result.EventsChecked} events ({result.LegacyEvents} from before the keyed chain) and "
                + $"{result.DisclosuresChecked} disclosures of institution {institutionId} checked, against {against}.");
            return ExitCodes.Done;
        }
        await context.Out.WriteLineAsync($"Audit chain BROKEN at event {result.FirstBrokenSequence} ({result.FirstBrokenEventId}): {result.Reason}.");
        return ExitCodes.Failed;
    }
}
