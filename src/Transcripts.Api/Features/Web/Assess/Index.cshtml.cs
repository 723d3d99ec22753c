using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Assess;

/// <summary>
/// An assessor finds the learner to assess (<see cref="ListLearners"/>, paged). As on the registrar's search, the terms are
/// personal data and travel only in the POST's body, never in an address; paging posts them again.
/// </summary>
internal sealed class IndexModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Identifier { get; set; }

    [BindProperty]
    public int PageNumber { get; set; } = 1;

    public Page<LearnerResponse>? Results { get; private set; }

    public int PageCount => Results is null ? 0 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var result = (await ListLearners.Handle(Name, Identifier, false, Math.Max(1, PageNumber), PageSize, db, caller, clock, cancellationToken)).Result;
        Results = FeatureResults.ValueOf<Page<LearnerResponse>>(result);
        if (Results is null)
        {
            FeatureRequests.AddErrors(result, ModelState);
        }
    }
}
