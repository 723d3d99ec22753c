using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>
/// Find learners by name or identifier (<see cref="LearnerSearch"/>), archived ones too if asked, and issue a batch of
/// transcripts for the chosen ones or for all (<see cref="CreateBatch"/>).
/// </summary>
internal sealed class LearnersModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : LearnerSearch(db, caller, clock)
{
    [BindProperty]
    public bool IncludeArchived { get; set; }

    [BindProperty]
    public List<Guid> LearnerIds { get; set; } = [];

    [BindProperty]
    public bool All { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => SearchAsync(IncludeArchived, cancellationToken);

    public Task OnPostAsync(CancellationToken cancellationToken) => SearchAsync(IncludeArchived, cancellationToken);

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
            var result = (await CreateBatch.Handle(request, Db, Caller, runner, Clock, options, cancellationToken)).Result;
            if (FeatureResults.ValueOf<BatchResponse>(result) is { } batch)
            {
                return LocalRedirect($"/app/registrar/batches/{batch.Id}");
            }
            FeatureRequests.AddErrors(result, ModelState);
        }
        await SearchAsync(IncludeArchived, cancellationToken);
        return Page();
    }
}
