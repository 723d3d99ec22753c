using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Batches;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>One batch: its progress (polled through <see cref="OnGetProgressAsync"/>), and the learners it skipped or failed, with why.</summary>
internal sealed class BatchModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public BatchResponse? Batch { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Batch = FeatureResults.ValueOf<BatchResponse>((await GetBatch.Handle(id, db, caller, cancellationToken)).Result);
        return Batch is null ? NotFound() : Page();
    }

    /// <summary>The batch's counts as JSON, for the page's script (no learner ids: the bar needs none).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var batch = FeatureResults.ValueOf<BatchResponse>((await GetBatch.Handle(id, db, caller, cancellationToken)).Result);
        return batch is null ? NotFound()
            : new JsonResult(new { batch.Total, batch.Done, batch.Issued, batch.Skipped, batch.Failed, batch.IsFinished });
    }
}
