using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Portal;

/// <summary>The attainment's own explanation (the rule, its inputs, the arithmetic), in plain words.</summary>
internal sealed class AttainmentModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public ExplainAttainment.Response? Explanation { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Explanation = FeatureResults.ValueOf<ExplainAttainment.Response>((await ExplainAttainment.Handle(id, db, caller, clock, cancellationToken)).Result);
        return Explanation is null ? NotFound() : Page();
    }
}
