using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;
using Transcripts.Signing.Tokens;

namespace Transcripts.Api.Features.Verification;

/// <summary>
/// <c>POST /v/{id}/record</c> with the QR token in the <c>X-Transcript-Token</c> header: the record the page shows. The token
/// must be this transcript's (it carries the SHA-256 of the signed credential, which nothing public reveals), so knowing a
/// transcript's id is not enough to read the learner's name and competencies. Its signature is checked by the page itself and by
/// the verifier. Each opening is a disclosure the learner sees in their list.
/// </summary>
internal static class OpenVerificationRecord
{
    public const string TokenHeader = "X-Transcript-Token";
    public const string DisclosureRole = "verification-page";

    public sealed record Response(string Html, object Data);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id}/record", Handle).WithName(nameof(OpenVerificationRecord))
            .WithSummary("The transcript record behind the public page, for the holder of its QR token (X-Transcript-Token header)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(string id, HttpRequest request, TranscriptsDb db,
        IOptions<SigningOptions> signing, TimeProvider clock, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await ShowVerificationPage.FindAsync(db, id, cancellationToken) is not var (credential, content))
        {
            return Problems.TranscriptNotFound();
        }
        if (await ShowVerificationPage.IsSuspendedAsync(db, credential.InstitutionId, cancellationToken))
        {
            return Problems.InstitutionSuspended();
        }
        string? token = request.Headers[TokenHeader];
        if (!TranscriptToken.TryParse(token?.Trim(), AchievementUrn(credential.Id), out var parsed, out _)
            || !parsed.CredentialSha256.SequenceEqual(Convert.FromHexString(credential.Sha256)))
        {
            return Problems.TranscriptTokenMismatch();
        }
        var now = clock.GetUtcNow();
        db.Disclosures.Add(new Disclosure
        {
            InstitutionId = credential.InstitutionId, LearnerId = credential.LearnerId!.Value, ApiKeyId = Guid.Empty, Role = DisclosureRole,
            Record = $"verification page {credential.Id}", At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        var found = await DidDocuments.IdentityAsync(db, credential.InstitutionId, signing.Value, cancellationToken);
        var keys = found is { } f ? PageKey.From(f.Identity, f.Keys, credential) : [];
        var (html, data) = VerificationPage.RenderRecord(credential, content, keys, now);
        return TypedResults.Ok(new Response(html, data));
    }

    private static string AchievementUrn(Guid id) => Credentials.AchievementCredentialBuilder.Urn(id);
}
