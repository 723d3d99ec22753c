using System.CommandLine;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Operator;

namespace Transcripts.Api.Cli;

/// <summary>
/// <c>operator-key create [--name NAME]</c>: a service-wide operator key, its secret written to <c>{DataDirectory}/operator-key</c>
/// (readable only by this user), never printed. <see cref="ExitCodes.Done"/> when made.
/// </summary>
internal static class OperatorKeyCommand
{
    public const string Name = "operator-key";

    public static Command Create(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "What the key is for, as key lists show it.", DefaultValueFactory = _ => "operator key" };
        var create = new Command("create", "Create an operator key, which creates, lists and suspends institutions and reads no records.") { name };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((parse, cancellationToken) => CreateAsync(context, AdminCli.Configuration(parse), parse.GetValue(name)!, cancellationToken));
        return new Command(Name, "Keys of the service's operator.") { create };
    }

    private static async Task<int> CreateAsync(CliContext context, string[] configuration, string name, CancellationToken cancellationToken)
    {
        if (name.Trim().Length is 0 or > 200)
        {
            await context.Error.WriteLineAsync("--name must be 1 to 200 characters.");
            return ExitCodes.Usage;
        }
        await using var app = context.BuildApp(configuration, new Dictionary<string, string?>());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DataModule.MigrateAsync(services, cancellationToken);
        var (id, prefix, path) = await OperatorKeys.CreateAsync(services.GetRequiredService<TranscriptsDb>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, name.Trim(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorKeys)), cancellationToken);
        await context.Out.WriteLineAsync($"Operator key {id} ({prefix}…) created; its secret is in {path}, readable only by this user. "
            + "Store it elsewhere and delete the file.");
        return ExitCodes.Done;
    }
}
