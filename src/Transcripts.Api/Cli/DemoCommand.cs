using System.CommandLine;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Demo;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Cli;

/// <summary>
/// <c>demo --out DIR</c>: a fresh demo institution in a throw-away database and key-encryption key, its credentials issued
/// and one revoked, written to DIR (see <see cref="DemoExport"/>). The command's output is the files it writes.
/// </summary>
internal static class DemoCommand
{
    public const string Name = "demo";

    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the demo's files to.", Required = true };
        var command = new Command(Name, "Write a fresh demo institution's credentials, status lists, trust bundle and PDF transcripts.") { output };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => RunAsync(context, AdminCli.Configuration(parse), parse.GetValue(output)!.FullName, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string[] configuration, string outDir, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("transcripts-demo-").FullName;
        try
        {
            await using var app = context.BuildApp(configuration, new Dictionary<string, string?>
            {
                [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = "Sqlite",
                [$"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}"] = dataDirectory,
                [$"{SigningOptions.Section}:{nameof(SigningOptions.KeyEncryptionKey)}"] = KeyEncryption.NewKekText(),
            });
            var services = app.Services;
            await using (var scope = services.CreateAsyncScope())
            {
                var provider = scope.ServiceProvider;
                await DataModule.MigrateAsync(provider, cancellationToken);
                await DemoSeed.RunAsync(provider.GetRequiredService<TranscriptsDb>(), provider.GetRequiredService<FileStore>(),
                    provider.GetRequiredService<TimeProvider>(), TextWriter.Null, DemoSeed.BaseUrl, cancellationToken);
            }
            var result = await DemoIssuance.RunAsync(services, DemoSeed.BaseUrl, cancellationToken) ?? throw new InvalidOperationException("The demo database was not fresh.");
            await DemoExport.WriteAsync(services, result, outDir, cancellationToken);
            await context.Out.WriteLineAsync($"Demo written to {outDir}: credentials/, status/, trust/, transcripts/ ({result.Transcripts.Count} transcripts; credential {result.RevokedCredentialId} revoked).");
            return ExitCodes.Done;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
