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
/// Issues achievement credentials and transcripts. Idempotent: an active credential that already states the same
/// attainments (same ids and versions) is returned instead of a new one. A changed attainment is a correction: the new
/// credential replaces the old, which is revoked with reason "superseded". Changes are tracked; the caller saves once.
/// </summary>
internal sealed class CredentialIssuer(TranscriptsDb db, StatusListService statusLists, Infrastructure.ServiceMetrics metrics, ILogger<CredentialIssuer> logger)
{
    public const string SupersededReason = "superseded";

    public async Task<Credential> IssueAchievementAsync(IssuerSigner signer, Attainment attainment, CancellationToken cancellationToken)
    {
        var coverage = AchievementCoverage(attainment);
        var current = await db.Credentials.Where(c => c.AttainmentId == attainment.Id && c.Kind == CredentialKind.Achievement
            && c.RevokedAt == null && c.SupersededById == null).ToListAsync(cancellationToken);
        if (current.FirstOrDefault(c => c.Coverage == coverage) is { } same)
        {
            return same;
        }
        var facts = await FactsAsync(attainment, cancellationToken);
        var credential = await CreateAsync(signer, CredentialKind.Achievement, attainment.LearnerId, attainment.Id, coverage,
            (id, status) => AchievementCredentialBuilder.Build(id, signer.Identity.Profile(), facts, signer.Identity.PublicBase, signer.Now, status,
                signer.Identity.Policy),
            cancellationToken);
        await SupersedeAsync(current, credential, signer, cancellationToken);
        return credential;
    }

    /// <summary>A transcript of <paramref name="attainments"/> (all attained, of one learner); what it supersedes is <see cref="TranscriptSupersession"/>'s rule.</summary>
    public async Task<(Credential Credential, bool IsNew)> IssueTranscriptAsync(IssuerSigner signer, Learner learner,
        IReadOnlyList<Attainment> attainments, bool isFull, CancellationToken cancellationToken)
    {
        var achievements = new List<Credential>();
        foreach (var attainment in attainments.OrderBy(a => a.Id))
        {
            achievements.Add(await IssueAchievementAsync(signer, attainment, cancellationToken));
        }
        var coverage = TranscriptCoverage(achievements.Select(a => a.Id));
        var current = await db.Credentials.Where(c => c.LearnerId == learner.Id && c.Kind == CredentialKind.Transcript
            && c.RevokedAt == null && c.SupersededById == null).ToListAsync(cancellationToken);
        if (current.FirstOrDefault(c => c.Coverage == coverage) is { } same)
        {
            return (same, false);
        }
        var competencies = new List<(Competency, Competency?, Framework, ProficiencyScale)>();
        foreach (var attainment in attainments.OrderBy(a => a.Id))
        {
            var facts = await FactsAsync(attainment, cancellationToken);
            var domain = facts.Competency.ParentId is { } parent ? await CompetencyAsync(parent, cancellationToken) : null;
            competencies.Add((facts.Competency, domain, facts.Framework, facts.Scale));
        }
        // Credentials signed by this issuer a moment ago are embedded as signed (no re-parse); earlier ones from their stored bytes.
        var embedded = achievements.Select(a => _signed.Remove(a.Id, out var signed) ? signed : JsonNode.Parse(a.Bytes)!.AsObject()).ToList();
        var credential = await CreateAsync(signer, CredentialKind.Transcript, learner.Id, null, coverage,
            (id, status) => ClrCredentialBuilder.Build(id, signer.Identity.Profile(), learner, embedded, competencies, signer.Identity.PublicBase, signer.Now, status,
                signer.Identity.Policy),
            cancellationToken);
        await SupersedeAsync(TranscriptSupersession.Replaced(isFull, current).ToList(), credential, signer, cancellationToken);
        return (credential, true);
    }

    /// <summary>
    /// Signs a caller's credential (VC API) with the institution's own revocation and suspension entries, whatever status the
    /// caller sent (a caller's entry could point at a list that never changes, so the school could not revoke what it signed).
    /// A VC 1.1 credential gets the Bitstring Status List context, which defines the entries' terms. The signed bytes are kept.
    /// </summary>
    public async Task<Credential> IssueSubmittedAsync(IssuerSigner signer, JsonObject unsigned, CancellationToken cancellationToken)
    {
        var coverage = Coverage([Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(unsigned)))]);
        return await CreateAsync(signer, CredentialKind.Submitted, null, null, coverage, (id, status) =>
        {
            var copy = unsigned.DeepClone().AsObject();
            copy["id"] ??= AchievementCredentialBuilder.Urn(id);
            if (!IsVc2(copy) && copy["@context"] is JsonArray contexts
                && !contexts.Any(c => c?.GetValueKind() == JsonValueKind.String && (string?)c == CredentialContexts.StatusV1))
            {
                contexts.Add(CredentialContexts.StatusV1);
            }
            copy["credentialStatus"] = status;
            return copy;
        }, cancellationToken);
    }

    private static bool IsVc2(JsonObject credential) =>
        credential["@context"] is JsonArray { Count: > 0 } contexts && contexts[0]?.GetValueKind() == JsonValueKind.String
        && (string?)contexts[0] == CredentialContexts.Vc2;

    private async Task<Credential> CreateAsync(IssuerSigner signer, CredentialKind kind, Guid? learnerId, Guid? attainmentId, string coverage,
        Func<Guid, JsonNode, JsonObject> build, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var (revocation, revocationIndex) = await statusLists.AllocateAsync(signer, StatusListService.Revocation, cancellationToken);
        var revocationEntry = Entry(signer.Identity.StatusListUrl(revocation.Id), StatusListService.Revocation, revocationIndex);
        (Data.Entities.StatusList List, int Index)? suspension = null;
        JsonNode status = revocationEntry;
        if (kind == CredentialKind.Submitted)
        {
            suspension = await statusLists.AllocateAsync(signer, StatusListService.Suspension, cancellationToken);
            status = new JsonArray(revocationEntry,
                Entry(signer.Identity.StatusListUrl(suspension.Value.List.Id), StatusListService.Suspension, suspension.Value.Index));
        }
        var signed = signer.Sign(build(id, status));
        var credential = Record(signer, kind, id, learnerId, attainmentId, coverage, JsonSerializer.SerializeToUtf8Bytes(signed),
            (revocation.Id, revocationIndex), suspension is { } s ? (s.List.Id, s.Index) : null);
        _signed[id] = signed;
        db.Credentials.Add(credential);
        Log.CredentialIssued(logger, id, kind.ToString(), signer.Key.Id);
        metrics.CredentialIssued(kind.ToString().ToLowerInvariant());
        return credential;
    }

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

    private Task SupersedeAsync(List<Credential> replaced, Credential by, IssuerSigner signer, CancellationToken cancellationToken) =>
        SupersedeAsync(replaced, by.Id, signer, cancellationToken);

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

    // Reference data read once per issuer (one request or one batch item): a transcript of 30 competencies of one framework
    // needs the framework, scale and learner once, not 30 times.
    private readonly Dictionary<Guid, object> _cache = [];

    // The signed documents of this issuer's new credentials, so a transcript embeds them without parsing their bytes again.
    private readonly Dictionary<Guid, JsonObject> _signed = [];

    private async Task<T> CachedAsync<T>(Guid id, Func<Task<T>> load) where T : class
    {
        if (_cache.TryGetValue(id, out var hit))
        {
            return (T)hit;
        }
        var value = await load();
        _cache[id] = value;
        return value;
    }

    private async Task<AchievementFacts> FactsAsync(Attainment attainment, CancellationToken cancellationToken)
    {
        var learner = await CachedAsync(attainment.LearnerId, () => db.Learners.AsNoTracking().SingleAsync(l => l.Id == attainment.LearnerId, cancellationToken));
        var competency = await CompetencyAsync(attainment.CompetencyId, cancellationToken);
        var framework = await CachedAsync(competency.FrameworkId, () => db.Frameworks.AsNoTracking().SingleAsync(f => f.Id == competency.FrameworkId, cancellationToken));
        var scale = await CachedAsync(framework.ScaleId!.Value, () => db.Scales.AsNoTracking().Include(s => s.Levels).SingleAsync(s => s.Id == framework.ScaleId, cancellationToken));
        var assessmentIds = attainment.InputAssessments();
        List<Data.Entities.Evidence> evidence = [];
        List<UsedAssessment> used = [];
        if (assessmentIds.Count > 0)
        {
            var assessments = await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id))
                .Select(a => new { a.EvidenceId, a.AssessedOn, a.LevelId }).ToListAsync(cancellationToken);
            used = [.. assessments.Select(a => new UsedAssessment(a.AssessedOn, a.LevelId))];
            var evidenceIds = assessments.Where(a => a.EvidenceId != null).Select(a => a.EvidenceId!.Value).Distinct().ToList();
            evidence = await db.Evidence.AsNoTracking().Where(e => evidenceIds.Contains(e.Id)).ToListAsync(cancellationToken);
        }
        return new AchievementFacts(learner, attainment, competency, framework, scale, evidence.OrderBy(e => e.CreatedAt).ToList(), used);
    }

    private Task<Competency> CompetencyAsync(Guid id, CancellationToken cancellationToken) =>
        CachedAsync(id, () => db.Competencies.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken));

    private static string Coverage(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Order(StringComparer.Ordinal)))));
}
