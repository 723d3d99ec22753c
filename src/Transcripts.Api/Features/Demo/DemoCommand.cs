using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Demo;

/// <summary>
/// <c>demo --out DIR</c>: a fresh demo institution in a temporary database, its credentials issued and one revoked, written
/// to DIR/credentials (as issued), DIR/status (signed status lists), DIR/trust (the trust bundle) and DIR/transcripts (PDFs).
/// Exit codes: 0 written, 2 usage.
/// </summary>
internal static class DemoCommand
{
    public const string Name = "demo";

    public sealed record Arguments(string? Out, string[] Remaining, string DataDirectory, string? Error);

    public static Arguments Parse(string[] args)
    {
        var at = Array.IndexOf(args, "--out");
        if (at < 0 || at + 1 >= args.Length)
        {
            return new Arguments(null, [], "", "Usage: demo --out DIR");
        }
        var rest = args.Take(at).Concat(args.Skip(at + 2)).ToArray();
        return new Arguments(Path.GetFullPath(args[at + 1]), rest, Directory.CreateTempSubdirectory("transcripts-demo-").FullName, null);
    }

    public static async Task<int> RunAsync(WebApplication app, Arguments arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        var services = app.Services;
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var provider = scope.ServiceProvider;
                await DataModule.MigrateAsync(provider, cancellationToken);
                await DemoSeed.RunAsync(provider.GetRequiredService<TranscriptsDb>(), provider.GetRequiredService<FileStore>(),
                    provider.GetRequiredService<TimeProvider>(), TextWriter.Null, DemoSeed.BaseUrl, cancellationToken);
            }
            var result = await DemoIssuance.RunAsync(services, DemoSeed.BaseUrl, cancellationToken) ?? throw new InvalidOperationException("The demo database was not fresh.");
            await WriteAsync(services, result, arguments.Out!, cancellationToken);
            await stdout.WriteLineAsync($"Demo written to {arguments.Out}: credentials/, status/, trust/, transcripts/ ({result.Transcripts.Count} transcripts; credential {result.RevokedCredentialId} revoked).");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(arguments.DataDirectory, recursive: true);
        }
    }

    public static async Task WriteAsync(IServiceProvider services, DemoIssuance.Result result, string outDir, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TranscriptsDb>();
        var keys = scope.ServiceProvider.GetRequiredService<SigningKeyService>();
        foreach (var folder in new[] { "credentials", "status", "trust", "transcripts" })
        {
            Directory.CreateDirectory(Path.Combine(outDir, folder));
        }
        foreach (var credential in await db.Credentials.AsNoTracking().Where(c => c.InstitutionId == result.InstitutionId).ToListAsync(cancellationToken))
        {
            var kind = credential.Kind == Data.Entities.CredentialKind.Transcript ? "clr" : "ob";
            await File.WriteAllBytesAsync(Path.Combine(outDir, "credentials", $"{kind}-{credential.Id}.json"), credential.Bytes, cancellationToken);
        }
        foreach (var list in await db.StatusLists.AsNoTracking().Where(l => l.InstitutionId == result.InstitutionId).ToListAsync(cancellationToken))
        {
            await File.WriteAllBytesAsync(Path.Combine(outDir, "status", $"{list.Purpose}-{list.Id}.json"), list.Bytes, cancellationToken);
        }
        var options = scope.ServiceProvider.GetRequiredService<IOptions<SigningOptions>>().Value;
        var bundle = await GetTrustBundle.CreateAsync(db, result.InstitutionId, options, keys,
            scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(outDir, "trust", $"{result.InstitutionId}.json"), bundle!.ToJsonString(), cancellationToken);
        var pdfs = scope.ServiceProvider.GetRequiredService<TranscriptPdfService>();
        foreach (var transcript in result.Transcripts)
        {
            // A revoked demo transcript is printed too, marked as a reprint, so the verifier has one to reject.
            var (rendered, problem) = await pdfs.RenderAsync(result.InstitutionId, transcript.Id, reprintRevoked: true, cancellationToken);
            var pdf = rendered?.Content ?? throw new InvalidOperationException(
                $"The demo transcript {transcript.Id} could not be printed: {problem!.ProblemDetails.Detail}");
            await File.WriteAllBytesAsync(Path.Combine(outDir, "transcripts", $"transcript-{transcript.Id}.pdf"), pdf, cancellationToken);
        }
    }
}
