using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Evidence;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Assess;

/// <summary>
/// Assessing one learner: record an assessment at a level of the competency's scale, with evidence as a link, a file or a
/// narrative (<see cref="AttachEvidence"/>, <see cref="UploadEvidence"/>, then <see cref="RecordAssessment"/>, in one
/// transaction, so a refused assessment leaves no evidence behind), then see the attainment recomputed with its explanation
/// (<see cref="ExplainAttainment"/>). An assessor sees, corrects and removes their own assessments
/// (<see cref="UpdateAssessment"/>, <see cref="DeleteAssessment"/>, which enforce authorship); a registrar sees all and
/// gives a reason when changing another's.
/// </summary>
internal sealed class LearnerModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public GetLearnerRecord.Response? Record { get; private set; }
    public FrameworkChoices Choices { get; private set; } = new([], []);
    public IReadOnlyList<AssessmentResponse> Assessments { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Authors { get; private set; } = new Dictionary<Guid, string>();
    public ExplainAttainment.Response? Recomputed { get; private set; }
    public AssessmentResponse? Editing { get; private set; }
    public bool Stale { get; private set; }
    public string? Done { get; private set; }

    /// <summary>Whether this person may correct others' assessments (giving a reason), as <see cref="AssessmentAuthorship"/> allows.</summary>
    public bool SeesAll => caller.Role is Roles.Registrar or Roles.Admin;

    public Guid Me => caller.ApiKeyId;

    [BindProperty]
    public Guid? CompetencyId { get; set; }

    [BindProperty]
    public Guid? LevelId { get; set; }

    [BindProperty]
    public DateOnly? AssessedOn { get; set; }

    [BindProperty]
    public string? Feedback { get; set; }

    /// <summary><c>none</c>, <c>link</c>, <c>file</c> or <c>narrative</c>.</summary>
    [BindProperty]
    public string? EvidenceKind { get; set; } = "none";

    /// <summary>Named as <see cref="UploadEvidence"/> reads it from the form.</summary>
    [BindProperty(Name = "title")]
    public string? EvidenceTitle { get; set; }

    [BindProperty(Name = "Url")]
    public string? EvidenceUrl { get; set; }

    [BindProperty]
    public string? Narrative { get; set; }

    /// <summary>Named as <see cref="UploadEvidence"/> reads it from the form.</summary>
    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public Guid? AssessmentId { get; set; }

    [BindProperty]
    public Guid? EvidenceId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string CompetencyName(Guid id) =>
        Choices.Competencies.FirstOrDefault(c => c.Id == id) is { } c ? (c.HumanCode is null ? "" : c.HumanCode + " ") + c.FullStatement : "a competency";

    public string LevelName(Guid id) =>
        Choices.Scales.SelectMany(s => s.Levels).FirstOrDefault(l => l.Id == id)?.Title ?? "a level";

    public string AuthorName(Guid? id) => id is { } i ? (i == Me ? "you" : Authors.GetValueOrDefault(i, "someone else")) : "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? attainment, Guid? edit, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (edit is { } e)
        {
            Editing = Assessments.FirstOrDefault(a => a.Id == e);
            if (Editing is null)
            {
                return NotFound();
            }
            (AssessmentId, LevelId, AssessedOn, Feedback, EvidenceId, Version) =
                (Editing.Id, Editing.LevelId, Editing.AssessedOn, Editing.Feedback, Editing.EvidenceId, Editing.Version);
        }
        AssessedOn ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (attainment is { } a)
        {
            Recomputed = FeatureResults.ValueOf<ExplainAttainment.Response>((await ExplainAttainment.Handle(a, db, caller, clock, cancellationToken)).Result);
        }
        Done = done switch
        {
            "recorded" => "The assessment is recorded.",
            "updated" => "The assessment is corrected.",
            "deleted" => "The assessment is removed; the attainment was recomputed without it.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, [FromServices] AssessmentWriters writers, CancellationToken cancellationToken)
    {
        if (CompetencyId is null)
        {
            ModelState.AddModelError(nameof(CompetencyId), "Choose the competency assessed.");
        }
        if (LevelId is null)
        {
            ModelState.AddModelError(nameof(LevelId), "Choose the level reached.");
        }
        var request = new RecordAssessment.Request
        {
            LearnerId = id, CompetencyId = CompetencyId ?? Guid.Empty, LevelId = LevelId ?? Guid.Empty, Feedback = Feedback, AssessedOn = AssessedOn,
        };
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (evidenceId, notFound) = await AttachEvidenceAsync(id, writers, cancellationToken);
            if (notFound)
            {
                return NotFound();
            }
            if (ModelState.IsValid)
            {
                var result = (await writers.RecordAsync(request with { EvidenceId = evidenceId }, cancellationToken)).Result;
                if (FeatureResults.ValueOf<RecordedAssessment>(result) is { } recorded)
                {
                    await transaction.CommitAsync(cancellationToken);
                    return LocalRedirect($"/app/assess/learners/{id}?done=recorded&attainment={recorded.Attainment?.Id}");
                }
                FeatureRequests.AddErrors(result, ModelState);
            }
            // Disposing the transaction unsaves the evidence: a refused assessment leaves nothing behind.
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, [FromServices] AssessmentWriters writers, CancellationToken cancellationToken)
    {
        if (LevelId is null)
        {
            ModelState.AddModelError(nameof(LevelId), "Choose the level reached.");
        }
        if (AssessedOn is null)
        {
            ModelState.AddModelError(nameof(AssessedOn), "Give the date of the assessment.");
        }
        var request = new UpdateAssessment.Request
        {
            LevelId = LevelId ?? Guid.Empty, EvidenceId = EvidenceId, Feedback = Feedback, AssessedOn = AssessedOn ?? default, Version = Version,
            Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason,
        };
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await writers.UpdateAsync(AssessmentId ?? Guid.Empty, request, cancellationToken)).Result;
            if (FeatureResults.ValueOf<RecordedAssessment>(result) is { } updated)
            {
                return LocalRedirect($"/app/assess/learners/{id}?done=updated&attainment={updated.Attainment?.Id}");
            }
            Refused(result);
        }
        return await ReloadEditingAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, [FromServices] AssessmentWriters writers, CancellationToken cancellationToken)
    {
        var result = (await writers.DeleteAsync(AssessmentId ?? Guid.Empty, Version, string.IsNullOrWhiteSpace(Reason) ? null : Reason, cancellationToken)).Result;
        if (result is Microsoft.AspNetCore.Http.HttpResults.NoContent)
        {
            return LocalRedirect($"/app/assess/learners/{id}?done=deleted");
        }
        Refused(result);
        return await ReloadEditingAsync(id, cancellationToken);
    }

    /// <summary>The evidence the form describes, saved (in the caller's transaction); its problems go next to its fields.</summary>
    private async Task<(Guid? Id, bool NotFound)> AttachEvidenceAsync(Guid learnerId, AssessmentWriters writers, CancellationToken cancellationToken)
    {
        IResult result;
        switch (EvidenceKind)
        {
            case "none" or null:
                return (null, false);
            case "file" when Upload is null || Upload.Length == 0:
                ModelState.AddModelError("file", "Choose the file to upload.");
                return (null, false);
            case "file":
                result = (await writers.UploadAsync(learnerId, Request, cancellationToken)).Result;
                break;
            case "link" when string.IsNullOrWhiteSpace(EvidenceUrl):
                ModelState.AddModelError("Url", "Give the link to the evidence.");
                return (null, false);
            case "narrative" when string.IsNullOrWhiteSpace(Narrative):
                ModelState.AddModelError(nameof(Narrative), "Write the narrative.");
                return (null, false);
            case "link" or "narrative":
                var request = new AttachEvidence.Request
                {
                    Title = EvidenceTitle ?? "", Url = EvidenceKind == "link" ? EvidenceUrl!.Trim() : null, Narrative = EvidenceKind == "narrative" ? Narrative : null,
                };
                if (!FeatureRequests.TryValidate(request, ModelState))
                {
                    return (null, false);
                }
                result = (await writers.AttachAsync(learnerId, request, cancellationToken)).Result;
                break;
            default:
                ModelState.AddModelError(nameof(EvidenceKind), "Choose what the evidence is.");
                return (null, false);
        }
        if (FeatureResults.IsNotFound(result))
        {
            return (null, true);
        }
        if (FeatureResults.ValueOf<EvidenceResponse>(result) is { } evidence)
        {
            return (evidence.Id, false);
        }
        // A file too large or of a type not taken answers with a detail only: it belongs next to the file.
        foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
        {
            ModelState.AddModelError(field.Length == 0 ? (EvidenceKind == "file" ? "file" : "title") : field, string.Join(" ", messages));
        }
        return (null, false);
    }

    private void Refused(IResult result)
    {
        Stale = FeatureRequests.IsStale(result);
        if (Stale)
        {
            ModelState.AddModelError("", "Someone else changed this assessment since you opened it, so nothing was changed.");
        }
        else
        {
            FeatureRequests.AddErrors(result, ModelState);
        }
    }

    /// <summary>The page again with the correction form, showing what was typed, for the assessment if this person may see it.</summary>
    private async Task<IActionResult> ReloadEditingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Editing = Assessments.FirstOrDefault(a => a.Id == AssessmentId);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Record = FeatureResults.ValueOf<GetLearnerRecord.Response>((await GetLearnerRecord.Handle(id, db, caller, clock, cancellationToken)).Result);
        if (Record is null)
        {
            return false;
        }
        Choices = await FrameworkChoices.LoadAsync(db, caller, cancellationToken);
        var all = FeatureResults.ValueOf<Page<AssessmentResponse>>(
            (await ListAssessments.Handle(id, null, 1, Paging.MaxPageSize, db, caller, clock, cancellationToken)).Result)?.Items ?? [];
        Assessments = SeesAll ? all : [.. all.Where(a => a.AssessorKeyId == Me)];
        var people = Assessments.Select(a => a.AssessorKeyId).Concat(Assessments.Where(a => a.UpdatedByKeyId is not null).Select(a => a.UpdatedByKeyId!.Value))
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(p => p.InstitutionId == caller.InstitutionId && people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        foreach (var key in await db.ApiKeys.AsNoTracking().Where(k => k.InstitutionId == caller.InstitutionId && people.Contains(k.Id))
                     .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
        {
            names.TryAdd(key.Id, $"API key “{key.Name}”");
        }
        Authors = names;
        return true;
    }
}
