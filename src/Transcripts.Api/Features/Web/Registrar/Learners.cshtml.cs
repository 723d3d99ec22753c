using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>
/// Find learners by name or identifier (<see cref="ListLearners"/>, paged), and issue a batch of transcripts for the chosen
/// ones or for all (<see cref="CreateBatch"/>). Names and identifiers are personal data, so the search is a POST whose answer
/// is the results page: the terms never appear in an address, a history entry or a server log. Paging posts them again.
/// </summary>
internal sealed class LearnersModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Identifier { get; set; }

    [BindProperty]
    public bool IncludeArchived { get; set; }

    [BindProperty]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public List<Guid> LearnerIds { get; set; } = [];

    [BindProperty]
    public bool All { get; set; }

    public Page<LearnerResponse>? Results { get; private set; }

    public int PageCount => Results is null ? 0 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await SearchAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken) => await SearchAsync(cancellationToken);

    public async Task<IActionResult> OnPostBatchAsync([FromServices] BatchRunner runner, [FromServices] IOptions<BatchOptions> options,
        CancellationToken cancellationToken)
    {
        if (!All && LearnerIds.Count == 0)
        {
            ModelState.AddModelError(nameof(LearnerIds), "Choose at least one learner, or issue for all active learners.");
        }
        else
        {
            var request = new CreateBatch.Request { LearnerIds = All ? null : LearnerIds };
            var result = (await CreateBatch.Handle(request, db, caller, runner, clock, options, cancellationToken)).Result;
            if (FeatureResults.ValueOf<BatchResponse>(result) is { } batch)
            {
                return LocalRedirect($"/app/registrar/batches/{batch.Id}");
            }
            FeatureRequests.AddErrors(result, ModelState);
        }
        await SearchAsync(cancellationToken);
        return Page();
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        var result = (await ListLearners.Handle(Name, Identifier, IncludeArchived, Math.Max(1, PageNumber), PageSize, db, caller, clock, cancellationToken)).Result;
        Results = FeatureResults.ValueOf<Page<LearnerResponse>>(result);
        if (Results is null)
        {
            FeatureRequests.AddErrors(result, ModelState);
        }
    }
}
