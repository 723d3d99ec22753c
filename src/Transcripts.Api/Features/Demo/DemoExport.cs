using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Transcripts;

namespace Transcripts.Api.Features.Demo;

/// <summary>
/// Writes a demo institution's files: DIR/credentials (as issued), DIR/status (signed status lists), DIR/trust (the trust
/// bundle) and DIR/transcripts (PDFs), so the verifier can be tried with nothing else.
/// </summary>
internal static class DemoExport
{
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
