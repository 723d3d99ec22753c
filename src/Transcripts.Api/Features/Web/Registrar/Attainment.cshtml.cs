using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Assessments;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>
/// One attainment for a registrar: its explanation (<see cref="ExplainAttainment"/>), what withdrawing it would revoke
/// (<see cref="PreviewAttainmentWithdrawal"/>), and the withdrawal (<see cref="WithdrawAttainment"/>) at the version that
/// preview showed: if someone changed it meanwhile the page says so and offers to reload.
/// </summary>
internal sealed class AttainmentModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public ExplainAttainment.Response? Explanation { get; private set; }
    public PreviewAttainmentWithdrawal.Response? Preview { get; private set; }
    public bool Stale { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Version = Preview!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] SigningKeyService keys, [FromServices] StatusListService lists,
        [FromServices] ILogger<CredentialIssuer> logger, CancellationToken cancellationToken)
    {
        var request = new WithdrawAttainment.Request { Reason = Reason ?? "", Version = Version };
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await WithdrawAttainment.Handle(id, request, db, caller, keys, lists, clock, logger, cancellationToken)).Result;
            if (FeatureResults.IsNotFound(result))
            {
                return NotFound();
            }
            if (FeatureResults.ValueOf<AttainmentResponse>(result) is { } withdrawn)
            {
                return LocalRedirect($"/app/registrar/learners/{withdrawn.LearnerId}?done=withdrawn");
            }
            Stale = FeatureRequests.IsStale(result);
            if (Stale)
            {
                ModelState.AddModelError("", "Someone else changed this attainment since you opened this page, so nothing was withdrawn.");
            }
            else
            {
                FeatureRequests.AddErrors(result, ModelState);
            }
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Explanation = FeatureResults.ValueOf<ExplainAttainment.Response>((await ExplainAttainment.Handle(id, db, caller, clock, cancellationToken)).Result);
        if (Explanation is null)
        {
            return false;
        }
        Preview = FeatureResults.ValueOf<PreviewAttainmentWithdrawal.Response>((await PreviewAttainmentWithdrawal.Handle(id, null, db, caller, cancellationToken)).Result);
        return Preview is not null;
    }
}
