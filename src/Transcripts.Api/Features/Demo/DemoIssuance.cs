using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Features.Demo;

/// <summary>
/// After the demo seed: a transcript for every demo learner (through the batch processor, as a registrar would), and one
/// achievement credential revoked, so the demo shows a valid and a revoked credential. Runs once per database.
/// </summary>
internal static class DemoIssuance
{
    public sealed record Result(Guid InstitutionId, Guid RevokedCredentialId, IReadOnlyList<Credential> Transcripts);

    public static async Task<Result?> RunAsync(IServiceProvider services, string baseUrl, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<TranscriptsDb>();
        var clock = provider.GetRequiredService<TimeProvider>();
        var institution = await db.Institutions.AsNoTracking().Where(i => i.PublicBaseUrl == baseUrl + "/").OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (institution is null || await db.Credentials.AnyAsync(c => c.InstitutionId == institution.Id, cancellationToken))
        {
            return null;
        }
        var (batch, _, problem) = await CreateBatch.CreateAsync(db, institution.Id, Guid.Empty, null, clock,
            provider.GetRequiredService<IOptions<BatchOptions>>().Value, cancellationToken);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem.ProblemDetails.Detail);
        }
        await provider.GetRequiredService<BatchProcessor>().RunAsync(batch!.Id, null, cancellationToken);

        var revoked = await db.Credentials.Where(c => c.InstitutionId == institution.Id && c.Kind == CredentialKind.Achievement)
            .OrderBy(c => c.IssuedAt).ThenBy(c => c.Id).FirstAsync(cancellationToken);
        var (signer, signProblem) = await provider.GetRequiredService<SigningKeyService>().OpenSignerAsync(db, institution.Id, clock, cancellationToken);
        using (signer ?? throw new InvalidOperationException(signProblem!.Value.Reason()))
        {
            revoked.RevokedAt = signer.Now;
            revoked.RevocationReason = "Demo: recorded in error";
            await provider.GetRequiredService<StatusListService>().SetAsync(revoked.RevocationListId, revoked.RevocationIndex, true, signer, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        var transcripts = await db.Credentials.AsNoTracking()
            .Where(c => c.InstitutionId == institution.Id && c.Kind == CredentialKind.Transcript && c.RevokedAt == null).ToListAsync(cancellationToken);
        return new Result(institution.Id, revoked.Id, transcripts.OrderBy(t => t.IssuedAt).ThenBy(t => t.Id).ToList());
    }

    public static async Task PrintAsync(Result result, string baseUrl, TextWriter console)
    {
        var transcript = result.Transcripts[0].Id;
        var b = baseUrl;
        await console.WriteLineAsync($$"""
            Issued {{result.Transcripts.Count}} transcripts (CLR 2.0 with Open Badges 3.0 inside); credential {{result.RevokedCredentialId}} is revoked.
            With the admin key above as KEY:
              curl -s -H "Authorization: Bearer $KEY" {{b}}/credentials/{{transcript}} -o transcript.json
              curl -s -H "Authorization: Bearer $KEY" {{b}}/credentials/{{transcript}}/pdf -o transcript.pdf
              curl -s -X POST {{b}}/credentials/verify -H "Content-Type: application/json" -d "{\"verifiableCredential\": $(cat transcript.json)}"
              curl -s -H "Authorization: Bearer $KEY" {{b}}/credentials/{{result.RevokedCredentialId}} -o revoked.json
              curl -s -X POST {{b}}/credentials/verify -H "Content-Type: application/json" -d "{\"verifiableCredential\": $(cat revoked.json)}"
            Public: {{b}}/.well-known/did.json  {{b}}/institutions/{{result.InstitutionId}}/trust-bundle

            """);
    }
}
