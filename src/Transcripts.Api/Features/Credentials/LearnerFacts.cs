using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;

namespace Transcripts.Api.Features.Credentials;

/// <summary>A learner's active achievement credential or transcript, without its bytes.</summary>
internal sealed record CurrentCredential(Guid Id, CredentialKind Kind, Guid? AttainmentId, string Coverage);

/// <summary>
/// What issuing reads to plan one learner's transcript (<see cref="TranscriptPlan"/>): the batch item (empty outside a
/// batch), the attained attainments in issuing order (by id), each with everything its achievement credential states and
/// the domain it belongs to, and the learner's active credentials.
/// </summary>
internal sealed record LearnerFacts(Guid ItemId, Learner Learner, IReadOnlyList<AchievementFacts> Attainments,
    IReadOnlyList<Competency?> Domains, IReadOnlyList<CurrentCredential> Current);

/// <summary>
/// Reads <see cref="LearnerFacts"/> for many learners at once (a batch's chunk) or for one (a single issuance): a handful
/// of set-based queries per chunk of learners, not several per attainment. Competencies, frameworks and scales are read once per batch and shared by every learner
/// (they are not tracked and never changed here, so tasks may share them).
/// </summary>
internal sealed class LearnerFactsReader(Guid institutionId)
{
    private readonly ConcurrentDictionary<Guid, Competency> _competencies = new();
    private readonly ConcurrentDictionary<Guid, Framework> _frameworks = new();
    private readonly ConcurrentDictionary<Guid, ProficiencyScale> _scales = new();

    /// <summary>The facts of the learners of these batch items, in the items' order.</summary>
    public async Task<List<LearnerFacts>> ReadAsync(TranscriptsDb db, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken)
    {
        var items = await db.BatchItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return await ReadAsync(db, [.. itemIds.Select(id => (id, items[id].LearnerId))], only: null, cancellationToken);
    }

    /// <summary>One learner's facts outside a batch (its <see cref="LearnerFacts.ItemId"/> is empty): every attained attainment, or those of <paramref name="only"/>.</summary>
    public async Task<LearnerFacts> ReadLearnerAsync(TranscriptsDb db, Guid learnerId, IReadOnlyCollection<Guid>? only,
        CancellationToken cancellationToken) =>
        (await ReadAsync(db, [(Guid.Empty, learnerId)], only, cancellationToken))[0];

    private async Task<List<LearnerFacts>> ReadAsync(TranscriptsDb db, IReadOnlyList<(Guid ItemId, Guid LearnerId)> of,
        IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var learnerIds = of.Select(i => i.LearnerId).ToList();
        var learners = await db.Learners.AsNoTracking().Where(l => learnerIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var query = db.Attainments.AsNoTracking()
            .Where(a => learnerIds.Contains(a.LearnerId) && a.Status == AttainmentStatus.Attained && a.LevelId != null);
        if (only is not null)
        {
            var chosen = only.ToList();
            query = query.Where(a => chosen.Contains(a.Id));
        }
        var attainments = (await query.ToListAsync(cancellationToken)).ToLookup(a => a.LearnerId);
        var current = (await CurrentCredentials(db, institutionId).Where(c => learnerIds.Contains(c.LearnerId!.Value))
                .Select(c => new { c.LearnerId, Credential = new CurrentCredential(c.Id, c.Kind, c.AttainmentId, c.Coverage) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.LearnerId!.Value, c => c.Credential);
        var evidence = await EvidenceAsync(db, attainments.SelectMany(g => g), cancellationToken);
        var used = await UsedAssessmentsAsync(db, attainments.SelectMany(g => g), cancellationToken);
        await LoadReferenceDataAsync(db, attainments.SelectMany(g => g).Select(a => a.CompetencyId), cancellationToken);

        var facts = new List<LearnerFacts>(of.Count);
        foreach (var (itemId, learnerId) in of)
        {
            var learner = learners[learnerId];
            var attained = attainments[learner.Id].OrderBy(a => a.Id).ToList();
            var achievementFacts = attained.Select(a =>
            {
                var competency = _competencies[a.CompetencyId];
                var framework = _frameworks[competency.FrameworkId];
                return new AchievementFacts(learner, a, competency, framework, _scales[framework.ScaleId!.Value], evidence(a), used(a));
            }).ToList();
            var domains = achievementFacts.Select(f => f.Competency.ParentId is { } parent ? _competencies[parent] : null).ToList();
            facts.Add(new LearnerFacts(itemId, learner, achievementFacts, domains, current[learner.Id].ToList()));
        }
        return facts;
    }

    /// <summary>
    /// The institution's achievement credentials and transcripts in force (neither revoked nor superseded): what a plan
    /// is made against, and what the writer checks is unchanged before it saves.
    /// </summary>
    public static IQueryable<Credential> CurrentCredentials(TranscriptsDb db, Guid institutionId) =>
        db.Credentials.AsNoTracking().Where(c => c.InstitutionId == institutionId && c.RevokedAt == null && c.SupersededById == null
            && (c.Kind == CredentialKind.Achievement || c.Kind == CredentialKind.Transcript));

    /// <summary>Each attainment's evidence (through the assessments it was derived from), oldest first.</summary>
    private static async Task<Func<Attainment, IReadOnlyList<Data.Entities.Evidence>>> EvidenceAsync(TranscriptsDb db,
        IEnumerable<Attainment> attainments, CancellationToken cancellationToken)
    {
        var assessmentIds = attainments.SelectMany(a => a.InputAssessments()).Distinct().ToList();
        if (assessmentIds.Count == 0)
        {
            return _ => [];
        }
        var evidenceOf = await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id) && a.EvidenceId != null)
            .Select(a => new { a.Id, EvidenceId = a.EvidenceId!.Value }).ToDictionaryAsync(a => a.Id, a => a.EvidenceId, cancellationToken);
        var evidenceIds = evidenceOf.Values.Distinct().ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => evidenceIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return a => a.InputAssessments().Where(evidenceOf.ContainsKey).Select(id => evidenceOf[id]).Distinct()
            .Select(id => evidence[id]).OrderBy(e => e.CreatedAt).ToList();
    }

    /// <summary>Each attainment's assessments as an explanation states them (date and level), for the institution's credential policy.</summary>
    private static async Task<Func<Attainment, IReadOnlyList<UsedAssessment>>> UsedAssessmentsAsync(TranscriptsDb db,
        IEnumerable<Attainment> attainments, CancellationToken cancellationToken)
    {
        var assessmentIds = attainments.SelectMany(a => a.InputAssessments()).Distinct().ToList();
        if (assessmentIds.Count == 0)
        {
            return _ => [];
        }
        var used = await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.AssessedOn, a.LevelId }).ToDictionaryAsync(a => a.Id, a => new UsedAssessment(a.AssessedOn, a.LevelId), cancellationToken);
        return a => [.. a.InputAssessments().Where(used.ContainsKey).Select(id => used[id])];
    }

    private async Task LoadReferenceDataAsync(TranscriptsDb db, IEnumerable<Guid> competencyIds, CancellationToken cancellationToken)
    {
        var missing = competencyIds.Where(id => !_competencies.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }
        foreach (var competency in await db.Competencies.AsNoTracking().Where(c => missing.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            _competencies[competency.Id] = competency;
        }
        var parents = missing.Select(id => _competencies[id].ParentId).OfType<Guid>().Where(id => !_competencies.ContainsKey(id)).Distinct().ToList();
        foreach (var parent in await db.Competencies.AsNoTracking().Where(c => parents.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            _competencies[parent.Id] = parent;
        }
        var frameworkIds = missing.Select(id => _competencies[id].FrameworkId).Where(id => !_frameworks.ContainsKey(id)).Distinct().ToList();
        foreach (var framework in await db.Frameworks.AsNoTracking().Where(f => frameworkIds.Contains(f.Id)).ToListAsync(cancellationToken))
        {
            _frameworks[framework.Id] = framework;
        }
        var scaleIds = frameworkIds.Select(id => _frameworks[id].ScaleId!.Value).Where(id => !_scales.ContainsKey(id)).Distinct().ToList();
        foreach (var scale in await db.Scales.AsNoTracking().Include(s => s.Levels).Where(s => scaleIds.Contains(s.Id)).ToListAsync(cancellationToken))
        {
            _scales[scale.Id] = scale;
        }
    }
}
