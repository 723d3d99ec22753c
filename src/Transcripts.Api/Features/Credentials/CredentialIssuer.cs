using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// Issues achievement credentials and transcripts for one learner, by the plan a batch follows for each learner
/// (<see cref="TranscriptPlan"/>), and signs callers' credentials (VC API). Idempotent: an active credential that already
/// states the same attainments (same ids and versions) is returned instead of a new one. A changed attainment is a
/// correction: the new credential replaces the old, which is revoked with reason "superseded". Changes are tracked; the
/// caller saves once.
/// </summary>
internal sealed class CredentialIssuer(TranscriptsDb db, StatusListService statusLists, Infrastructure.ServiceMetrics metrics, ILogger<CredentialIssuer> logger)
{
    public const string SupersededReason = "superseded";

    /// <summary>
    /// Issues for one learner what a batch issues for each of its learners, through the same <see cref="TranscriptPlan"/>:
    /// reads the learner's facts (every attained attainment, or those of <paramref name="attainmentIds"/>), plans, signs
    /// and tracks the new credentials; the caller saves once. Returns the credential asked for (the transcript, or for
    /// <see cref="TranscriptScope.None"/> the first achievement credential) and whether it is new.
    /// </summary>
    /// <exception cref="Signing.SigningException">A credential cannot be canonicalized.</exception>
    public async Task<(Credential Credential, bool IsNew)> IssueAsync(IssuerSigner signer, Guid learnerId, IReadOnlyCollection<Guid>? attainmentIds,
        TranscriptScope scope, CancellationToken cancellationToken)
    {
        var institutionId = signer.Identity.Institution.Id;
        var facts = await new LearnerFactsReader(institutionId).ReadLearnerAsync(db, learnerId, attainmentIds, cancellationToken);
        using var allocator = new StatusListAllocator(institutionId);
        var plan = await TranscriptPlan.CreateAsync(facts, scope, signer, null, db, statusLists, allocator, cancellationToken);
        var wanted = scope == TranscriptScope.None ? plan.Achievements[0].Id : plan.TranscriptId;
        if (!plan.Issues)
        {
            return (await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == wanted, cancellationToken), false);
        }
        var signed = plan.Sign(times: null);
        await signed.AddAsync(db, this, cancellationToken);
        Issued(signed.Created);
        return (signed.Created.Single(c => c.Id == wanted), true);
    }

    /// <summary>Logs and counts newly signed credentials.</summary>
    public void Issued(IEnumerable<Credential> created)
    {
        foreach (var credential in created)
        {
            Log.CredentialIssued(logger, credential.Id, credential.Kind.ToString(), credential.SigningKeyId);
            metrics.CredentialIssued(credential.Kind.ToString().ToLowerInvariant());
        }
    }

    /// <summary>
    /// Signs a caller's credential (VC API) with the institution's own revocation and suspension entries, whatever status the
    /// caller sent (a caller's entry could point at a list that never changes, so the school could not revoke what it signed).
    /// A VC 1.1 credential gets the Bitstring Status List context, which defines the entries' terms. The signed bytes are kept.
    /// </summary>
    public async Task<Credential> IssueSubmittedAsync(IssuerSigner signer, JsonObject unsigned, CancellationToken cancellationToken)
    {
        var coverage = Coverage([Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(unsigned)))]);
        var id = Guid.NewGuid();
        var (revocation, revocationIndex) = await statusLists.AllocateAsync(signer, StatusListService.Revocation, cancellationToken);
        var (suspension, suspensionIndex) = await statusLists.AllocateAsync(signer, StatusListService.Suspension, cancellationToken);
        var copy = unsigned.DeepClone().AsObject();
        copy["id"] ??= AchievementCredentialBuilder.Urn(id);
        if (!IsVc2(copy) && copy["@context"] is JsonArray contexts
            && !contexts.Any(c => c?.GetValueKind() == JsonValueKind.String && (string?)c == CredentialContexts.StatusV1))
        {
            contexts.Add(CredentialContexts.StatusV1);
        }
        copy["credentialStatus"] = new JsonArray(RevocationEntry(signer, revocation.Id, revocationIndex),
            Entry(signer.Identity.StatusListUrl(suspension.Id), StatusListService.Suspension, suspensionIndex));
        var signed = signer.Sign(copy);
        var credential = Record(signer, CredentialKind.Submitted, id, null, null, coverage, JsonSerializer.SerializeToUtf8Bytes(signed),
            (revocation.Id, revocationIndex), (suspension.Id, suspensionIndex));
        db.Credentials.Add(credential);
        Issued([credential]);
        return credential;
    }

    private static bool IsVc2(JsonObject credential) =>
        credential["@context"] is JsonArray { Count: > 0 } contexts && contexts[0]?.GetValueKind() == JsonValueKind.String
        && (string?)contexts[0] == CredentialContexts.Vc2;

    /// <summary>The row of a credential signed as <paramref name="bytes"/>: what is stored, exactly as issued.</summary>
    public static Credential Record(IssuerSigner signer, CredentialKind kind, Guid id, Guid? learnerId, Guid? attainmentId, string coverage,
        byte[] bytes, (Guid ListId, int Index) revocation, (Guid ListId, int Index)? suspension) => new()
        {
            Id = id, InstitutionId = signer.Identity.Institution.Id, LearnerId = learnerId, Kind = kind, AttainmentId = attainmentId,
            Coverage = coverage, SigningKeyId = signer.Key.Id, Bytes = bytes, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            IssuedAt = signer.Now, RevocationListId = revocation.ListId, RevocationIndex = revocation.Index,
            SuspensionListId = suspension?.ListId, SuspensionIndex = suspension?.Index,
        };

    /// <summary>The <c>credentialStatus</c> of an achievement credential or transcript: its revocation entry.</summary>
    public static JsonObject RevocationEntry(IssuerSigner signer, Guid listId, int index) =>
        Entry(signer.Identity.StatusListUrl(listId), StatusListService.Revocation, index);

    /// <summary>What an achievement credential states: the attainment's id and version.</summary>
    public static string AchievementCoverage(Attainment attainment) => Coverage([$"{attainment.Id:N}:{attainment.RowVersion}"]);

    /// <summary>What a transcript states: the achievement credentials it embeds.</summary>
    public static string TranscriptCoverage(IEnumerable<Guid> achievementIds) => Coverage(achievementIds.Select(id => id.ToString("N")));

    /// <summary>Revokes <paramref name="replaced"/> (tracked) with reason "superseded", pointing at their replacement.</summary>
    public async Task SupersedeAsync(IEnumerable<Credential> replaced, Guid byId, IssuerSigner signer, CancellationToken cancellationToken)
    {
        foreach (var old in replaced)
        {
            old.RevokedAt = signer.Now;
            old.RevocationReason = SupersededReason;
            old.SupersededById = byId;
            await statusLists.SetAsync(old.RevocationListId, old.RevocationIndex, true, signer, cancellationToken);
            Log.CredentialSuperseded(logger, old.Id, byId);
        }
    }

    private static JsonObject Entry(string listUrl, string purpose, int index) => new()
    {
        ["id"] = $"{listUrl}#{index}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = purpose,
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = listUrl,
    };

    private static string Coverage(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Order(StringComparer.Ordinal)))));
}
