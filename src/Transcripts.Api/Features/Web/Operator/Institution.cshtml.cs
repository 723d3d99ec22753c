using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Operator;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Operator;

/// <summary>
/// One institution for the operator: what suspending it does, then the suspension with a reason (<see cref="SuspendInstitution"/>);
/// or, when suspended, the reinstatement with a reason once confirmed (<see cref="ReinstateInstitution"/>).
/// </summary>
internal sealed class InstitutionModel(TranscriptsDb db, CurrentCaller caller, IMemoryCache cache) : PageModel
{
    public OperatorInstitutionResponse? Institution { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, [FromServices] TimeProvider clock, [FromServices] ILogger<SuspendInstitution.Request> logger,
        CancellationToken cancellationToken)
    {
        var request = new SuspendInstitution.Request { Reason = Reason?.Trim() ?? "" };
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm the suspension.");
        }
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await SuspendInstitution.Handle(id, request, db, cache, clock, caller, logger, cancellationToken)).Result;
            if (FeatureResults.IsNotFound(result))
            {
                return NotFound();
            }
            if (FeatureResults.ValueOf<OperatorInstitutionResponse>(result) is not null)
            {
                return LocalRedirect("/app/operator?done=suspended");
            }
            FeatureRequests.AddErrors(result, ModelState);
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReinstateAsync(Guid id, [FromServices] TimeProvider clock,
        [FromServices] ILogger<OperatorInstitutionResponse> logger, CancellationToken cancellationToken)
    {
        var request = new ReinstateInstitution.Request { Reason = Reason?.Trim() ?? "" };
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm the reinstatement.");
        }
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await ReinstateInstitution.Handle(id, request, db, cache, clock, caller, logger, cancellationToken)).Result;
            if (FeatureResults.IsNotFound(result))
            {
                return NotFound();
            }
            if (FeatureResults.ValueOf<OperatorInstitutionResponse>(result) is not null)
            {
                return LocalRedirect("/app/operator?done=reinstated");
            }
            FeatureRequests.AddErrors(result, ModelState);
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Institution = (await ListInstitutions.Handle(db, cancellationToken)).Value?.FirstOrDefault(i => i.Id == id);
        return Institution is not null;
    }
}
