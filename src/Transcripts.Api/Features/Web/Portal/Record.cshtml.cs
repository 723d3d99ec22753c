using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Features.Transcripts;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Portal;

/// <summary>A learner's (or guardian's) own record, progress and credentials, through the API's own handlers.</summary>
internal sealed class RecordModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public GetLearnerRecord.Response? Record { get; private set; }
    public IReadOnlyList<CredentialResponse> Credentials { get; private set; } = [];
    public int Attained { get; private set; }
    public int InProgress { get; private set; }
    public int Withdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var learnerId = caller.LearnerId!.Value;
        Record = FeatureResults.ValueOf<GetLearnerRecord.Response>((await GetLearnerRecord.Handle(learnerId, db, caller, clock, cancellationToken)).Result);
        if (Record is null)
        {
            return NotFound();
        }
        Credentials = FeatureResults.ValueOf<List<CredentialResponse>>((await ListLearnerCredentials.Handle(learnerId, db, caller, clock, cancellationToken)).Result) ?? [];
        Attained = Record.Attainments.Count(a => a.Status == AttainmentStatus.Attained);
        InProgress = Record.Attainments.Count(a => a.Status == AttainmentStatus.InProgress);
        Withdrawn = Record.Attainments.Count(a => a.Status == AttainmentStatus.Withdrawn);
        return Page();
    }

    /// <summary>The credential exactly as issued (another learner's is a 404, as in the API).</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken) =>
        FeatureResults.AsAction((await GetCredential.Handle(id, HttpContext, db, caller, clock, cancellationToken)).Result);

    public async Task<IActionResult> OnGetPdfAsync(Guid id, [FromServices] TranscriptPdfService pdfs, CancellationToken cancellationToken) =>
        FeatureResults.AsAction((await GetTranscriptPdf.Handle(id, null, db, caller, pdfs, clock, cancellationToken)).Result);
}
