using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Signing;

namespace Transcripts.Api.Features.Credentials;

/// <summary>
/// One attainment's achievement credential in a plan: a new one (with its reserved index and the credentials it
/// supersedes), or the active one reused (with its stored bytes, to embed).
/// </summary>
internal sealed record PlannedAchievement(AchievementFacts Facts, Competency? Domain, Guid Id, string Coverage, (Guid ListId, int Index)? Status,
    IReadOnlyList<Guid> Replaces, byte[]? StoredBytes);

/// <summary>
/// What issuing does for one learner, in a batch or for a single request (<see cref="CredentialIssuer.IssueAsync"/>), decided
/// from <see cref="LearnerFacts"/>: an achievement credential is reused when an active one states the same attainment
/// version, else a new one supersedes it; the transcript (unless <see cref="TranscriptScope.None"/>) is skipped when an
/// active one embeds the same credentials, else a new one supersedes what <see cref="TranscriptSupersession"/> says.
/// Planning reserves status-list indexes but writes nothing.
/// </summary>
internal sealed record TranscriptPlan(LearnerFacts Facts, TranscriptScope Scope, IssuerSigner? Signer, IReadOnlyList<PlannedAchievement> Achievements,
    Guid TranscriptId, string TranscriptCoverage, (Guid ListId, int Index)? TranscriptStatus, IReadOnlyList<Guid> ReplacedTranscripts,
    string? SkipReason, string? FailReason)
{
    public bool Issues => SkipReason is null && FailReason is null;

    public IEnumerable<(Guid ListId, int Index)> Reserved =>
        Achievements.Select(a => a.Status).Append(TranscriptStatus).OfType<(Guid, int)>();

    /// <param name="signer">The institution's signer, or null with <paramref name="signerProblem"/> saying why there is none.</param>
    public static async Task<TranscriptPlan> CreateAsync(LearnerFacts facts, TranscriptScope scope, IssuerSigner? signer, string? signerProblem,
        TranscriptsDb db, StatusListService lists, StatusListAllocator allocator, CancellationToken cancellationToken)
    {
        if (facts.Attainments.Count == 0)
        {
            return Outcome(facts, scope, skip: "The learner has no attained competencies.", fail: null);
        }
        var achievements = new List<(AchievementFacts Facts, Competency? Domain, Guid Id, string Coverage, bool IsNew, List<Guid> Replaces)>();
        for (var i = 0; i < facts.Attainments.Count; i++)
        {
            var attainment = facts.Attainments[i].Attainment;
            var coverage = CredentialIssuer.AchievementCoverage(attainment);
            var current = facts.Current.Where(c => c.Kind == CredentialKind.Achievement && c.AttainmentId == attainment.Id).ToList();
            var same = current.FirstOrDefault(c => c.Coverage == coverage);
            achievements.Add(same is not null
                ? (facts.Attainments[i], facts.Domains[i], same.Id, coverage, false, [])
                : (facts.Attainments[i], facts.Domains[i], Guid.NewGuid(), coverage, true, current.Select(c => c.Id).ToList()));
        }
        var hasTranscript = scope != TranscriptScope.None;
        var transcriptCoverage = hasTranscript ? CredentialIssuer.TranscriptCoverage(achievements.Select(a => a.Id)) : "";
        var transcripts = facts.Current.Where(c => c.Kind == CredentialKind.Transcript).ToList();
        if (hasTranscript && transcripts.FirstOrDefault(c => c.Coverage == transcriptCoverage) is { } sameTranscript)
        {
            return Outcome(facts, scope, skip: "The current transcript already covers the same attainments.", fail: null) with { TranscriptId = sameTranscript.Id };
        }
        if (!hasTranscript && achievements.All(a => !a.IsNew))
        {
            return Outcome(facts, scope, skip: "The current achievement credentials already state the same attainments.", fail: null) with
            {
                Achievements = [.. achievements.Select(a => new PlannedAchievement(a.Facts, a.Domain, a.Id, a.Coverage, null, [], null))],
            };
        }
        if (signer is null)
        {
            return Outcome(facts, scope, skip: null, fail: signerProblem);
        }
        // Only a transcript embeds the credentials it reuses.
        var reusedIds = hasTranscript ? achievements.Where(a => !a.IsNew).Select(a => a.Id).ToList() : [];
        var stored = reusedIds.Count == 0 ? []
            : await db.Credentials.AsNoTracking().Where(c => reusedIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Bytes, cancellationToken);
        var statuses = await allocator.ReserveAsync(db, lists, signer, achievements.Count(a => a.IsNew) + (hasTranscript ? 1 : 0), cancellationToken);
        var next = 0;
        var planned = achievements.Select(a => a.IsNew
            ? new PlannedAchievement(a.Facts, a.Domain, a.Id, a.Coverage, statuses[next++], a.Replaces, null)
            : new PlannedAchievement(a.Facts, a.Domain, a.Id, a.Coverage, null, [], stored.GetValueOrDefault(a.Id))).ToList();
        if (!hasTranscript)
        {
            return new TranscriptPlan(facts, scope, signer, planned, Guid.Empty, "", null, [], null, null);
        }
        return new TranscriptPlan(facts, scope, signer, planned, Guid.NewGuid(), transcriptCoverage, statuses[next],
            TranscriptSupersession.Replaced(scope == TranscriptScope.Full, transcripts).Select(c => c.Id).ToList(), null, null);
    }

    private static TranscriptPlan Outcome(LearnerFacts facts, TranscriptScope scope, string? skip, string? fail) =>
        new(facts, scope, null, [], Guid.Empty, "", null, [], skip, fail);

    /// <summary>
    /// Builds, signs and serializes the new credentials: CPU only, no database, so plans of several learners are signed at
    /// once (the signer's key pair signs from any thread). A reused achievement credential is embedded from its stored bytes.
    /// </summary>
    /// <exception cref="SigningException">A credential cannot be canonicalized.</exception>
    public SignedTranscript Sign(IssuanceTimes? times)
    {
        var signer = Signer!;
        var learnerId = Facts.Learner.Id;
        var created = new List<Credential>(Achievements.Count + 1);
        var embedded = new List<JsonObject>(Achievements.Count);
        foreach (var achievement in Achievements)
        {
            if (achievement.Status is not { } status)
            {
                if (Scope != TranscriptScope.None)
                {
                    embedded.Add(JsonNode.Parse(achievement.StoredBytes!)!.AsObject());
                }
                continue;
            }
            var (credential, signed) = Seal(signer, CredentialKind.Achievement, achievement.Id, learnerId, achievement.Facts.Attainment.Id,
                achievement.Coverage, status, (id, entry) => AchievementCredentialBuilder.Build(id, signer.Identity.Profile(), achievement.Facts,
                    signer.Identity.PublicBase, signer.Now, entry, signer.Identity.Policy), times);
            created.Add(credential);
            embedded.Add(signed);   // attached to the transcript as signed: no re-parse, no copy
        }
        if (Scope == TranscriptScope.None)
        {
            return new SignedTranscript(this, created);
        }
        var competencies = Achievements.Select(a => (a.Facts.Competency, a.Domain, a.Facts.Framework, a.Facts.Scale)).ToList();
        var (transcript, _) = Seal(signer, CredentialKind.Transcript, TranscriptId, learnerId, null, TranscriptCoverage, TranscriptStatus!.Value,
            (id, entry) => ClrCredentialBuilder.Build(id, signer.Identity.Profile(), Facts.Learner, embedded, competencies,
                signer.Identity.PublicBase, signer.Now, entry, signer.Identity.Policy), times);
        created.Add(transcript);
        return new SignedTranscript(this, created);
    }

    private static (Credential Credential, JsonObject Signed) Seal(IssuerSigner signer, CredentialKind kind, Guid id, Guid learnerId,
        Guid? attainmentId, string coverage, (Guid ListId, int Index) status, Func<Guid, JsonNode, JsonObject> build, IssuanceTimes? times)
    {
        var start = Stopwatch.GetTimestamp();
        var unsigned = build(id, CredentialIssuer.RevocationEntry(signer, status.ListId, status.Index));
        var built = Stopwatch.GetTimestamp();
        var signed = signer.Sign(unsigned);
        var sealedAt = Stopwatch.GetTimestamp();
        var credential = CredentialIssuer.Record(signer, kind, id, learnerId, attainmentId, coverage, JsonSerializer.SerializeToUtf8Bytes(signed), status, null);
        times?.Add(kind == CredentialKind.Transcript ? IssuanceStage.BuildTranscript : IssuanceStage.Build, built - start);
        times?.Add(kind == CredentialKind.Transcript ? IssuanceStage.SignTranscript : IssuanceStage.Sign, sealedAt - built);
        times?.Add(IssuanceStage.Serialize, Stopwatch.GetTimestamp() - sealedAt);
        return (credential, signed);
    }
}

/// <summary>A plan with its new credentials signed, ready to be saved.</summary>
internal sealed record SignedTranscript(TranscriptPlan Plan, IReadOnlyList<Credential> Created)
{
    /// <summary>
    /// Tracks the new credentials, counts their status-list entries and supersedes what the plan replaces (setting their
    /// revocation bits); the caller saves, in one transaction.
    /// </summary>
    public async Task AddAsync(TranscriptsDb db, CredentialIssuer issuer, CancellationToken cancellationToken)
    {
        var listIds = Created.Select(c => c.RevocationListId).Distinct().ToList();
        var lists = await db.StatusLists.Where(l => listIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        foreach (var credential in Created)
        {
            lists[credential.RevocationListId].Allocated++;
        }
        db.Credentials.AddRange(Created);
        var replaced = Plan.Achievements.SelectMany(a => a.Replaces.Select(old => (Old: old, By: a.Id)))
            .Concat(Plan.ReplacedTranscripts.Select(old => (Old: old, By: Plan.TranscriptId))).ToList();
        if (replaced.Count > 0)
        {
            var ids = replaced.Select(r => r.Old).ToList();
            var old = await db.Credentials.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var by in replaced.GroupBy(r => r.By))
            {
                await issuer.SupersedeAsync(by.Select(r => old[r.Old]), by.Key, Plan.Signer!, cancellationToken);
            }
        }
    }
}
