using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Frameworks;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>
/// A learner's record for a registrar: attainments (each explained on its own page), an award with a reason
/// (<see cref="AwardAttainment"/>), issuing a transcript (<see cref="IssueTranscript"/>) and the learner's credentials.
/// </summary>
internal sealed class LearnerModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    private Dictionary<Guid, string> _competencyOf = [];

    public GetLearnerRecord.Response? Record { get; private set; }
    public IReadOnlyList<CredentialResponse> Credentials { get; private set; } = [];
    public IReadOnlyList<CompetencyResponse> Competencies { get; private set; } = [];
    public IReadOnlyList<ScaleResponse> Scales { get; private set; } = [];
    public CredentialResponse? Issued { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public Guid? CompetencyId { get; set; }

    [BindProperty]
    public Guid? LevelId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>
    /// The version of each attainment as this form showed it, as <c>competency:version</c> pairs separated by commas (one
    /// hidden field: a dictionary would bind from the form's other fields too): the award is made at that version (a competency
    /// not in it, at "none yet"), so an award over someone else's change since is refused and says so.
    /// </summary>
    [BindProperty]
    public string? Seen { get; set; }

    /// <summary>The version this form showed for <paramref name="competencyId"/>, or null for none.</summary>
    private int? SeenVersionOf(Guid competencyId) =>
        (Seen ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split(':'))
            .Where(p => p.Length == 2 && Guid.TryParse(p[0], out var id) && id == competencyId && int.TryParse(p[1], out _))
            .Select(p => (int?)int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();

    public bool Stale { get; private set; }

    public string Describe(CredentialResponse c) =>
        c.AttainmentId is { } a && _competencyOf.TryGetValue(a, out var competency) ? $": {competency}" : "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? issued, string? done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Seen = string.Join(",", Record!.Attainments.Select(a => $"{a.CompetencyId}:{a.Version}"));
        Issued = issued is { } i ? Credentials.FirstOrDefault(c => c.Id == i) : null;
        Done = done switch
        {
            "awarded" => "The attainment is awarded.",
            "withdrawn" => "The attainment is withdrawn, and the credentials that stated it are revoked.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAwardAsync(Guid id, [FromServices] SigningKeyService keys, [FromServices] StatusListService lists,
        [FromServices] ILogger<CredentialIssuer> logger, CancellationToken cancellationToken)
    {
        var request = new AwardAttainment.Request
        {
            CompetencyId = CompetencyId ?? Guid.Empty, LevelId = LevelId ?? Guid.Empty, Reason = Reason ?? "",
            Version = CompetencyId is { } competency ? SeenVersionOf(competency) : null,
        };
        if (CompetencyId is null)
        {
            ModelState.AddModelError(nameof(CompetencyId), "Choose the competency to award.");
        }
        if (LevelId is null)
        {
            ModelState.AddModelError(nameof(LevelId), "Choose the level to award.");
        }
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await AwardAttainment.Handle(id, request, db, caller, keys, lists, clock, logger, cancellationToken)).Result;
            if (FeatureResults.IsNotFound(result))
            {
                return NotFound();
            }
            if (FeatureResults.ValueOf<AttainmentResponse>(result) is not null)
            {
                return LocalRedirect($"/app/registrar/learners/{id}?done=awarded");
            }
            Stale = FeatureRequests.IsStale(result);
            if (Stale)
            {
                ModelState.AddModelError("", "Someone else changed this learner's attainment of that competency since you opened this page, so nothing was awarded.");
            }
            else
            {
                FeatureRequests.AddErrors(result, ModelState);
            }
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, [FromServices] SigningKeyService keys, [FromServices] CredentialIssuer issuer,
        CancellationToken cancellationToken)
    {
        var result = (await IssueTranscript.Handle(new IssueTranscript.Request { LearnerId = id }, db, caller, keys, issuer, clock, cancellationToken)).Result;
        if (FeatureResults.IsNotFound(result))
        {
            return NotFound();
        }
        if (FeatureResults.ValueOf<CredentialResponse>(result) is { } credential)
        {
            return LocalRedirect($"/app/registrar/learners/{id}?issued={credential.Id}");
        }
        FeatureRequests.AddErrors(result, ModelState);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The credential exactly as issued (another institution's is a 404, as in the API).</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid credentialId, CancellationToken cancellationToken) =>
        FeatureResults.AsAction((await GetCredential.Handle(credentialId, HttpContext, db, caller, clock, cancellationToken)).Result);

    public async Task<IActionResult> OnGetPdfAsync(Guid credentialId, [FromServices] TranscriptPdfService pdfs, CancellationToken cancellationToken) =>
        FeatureResults.AsAction((await GetTranscriptPdf.Handle(credentialId, null, db, caller, pdfs, clock, cancellationToken)).Result);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Record = FeatureResults.ValueOf<GetLearnerRecord.Response>((await GetLearnerRecord.Handle(id, db, caller, clock, cancellationToken)).Result);
        if (Record is null)
        {
            return false;
        }
        _competencyOf = Record.Attainments.ToDictionary(a => a.AttainmentId, a => a.Competency);
        Credentials = FeatureResults.ValueOf<List<CredentialResponse>>((await ListLearnerCredentials.Handle(id, db, caller, clock, cancellationToken)).Result) ?? [];
        (Competencies, Scales) = await FrameworkChoices.LoadAsync(db, caller, cancellationToken);
        return true;
    }
}
