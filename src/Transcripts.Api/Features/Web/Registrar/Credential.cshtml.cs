using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.StatusLists;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Registrar;

/// <summary>
/// One credential: what revoking or suspending it affects (<see cref="PreviewCredentialStatusChange"/>), then the change
/// with a reason (<see cref="RevokeCredential"/>, <see cref="SuspendCredential"/>, <see cref="UnsuspendCredential"/>).
/// </summary>
internal sealed class CredentialModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public PreviewCredentialStatusChange.Response? Preview { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public string? Change { get; set; } = "Revoke";

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "Revoke" => "The credential is revoked: its status list now says so.",
            "Suspend" => "The credential is suspended until you lift the suspension.",
            "Unsuspend" => "The suspension is lifted: the credential counts again.",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromServices] SigningKeyService keys, [FromServices] StatusListService lists,
        [FromServices] ILogger<CredentialIssuer> logger, CancellationToken cancellationToken)
    {
        var request = new CredentialStatusChange.Request { Reason = Reason ?? "" };
        if (!Enum.TryParse<CredentialStatusChange.Change>(Change, out var change))
        {
            ModelState.AddModelError(nameof(Change), "Choose what to do.");
        }
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var services = new CredentialStatusChange.Services(db, caller, keys, lists, clock, logger);
            var result = (change switch
            {
                CredentialStatusChange.Change.Suspend => await SuspendCredential.Handle(id, request, services, cancellationToken),
                CredentialStatusChange.Change.Unsuspend => await UnsuspendCredential.Handle(id, request, services, cancellationToken),
                _ => await RevokeCredential.Handle(id, request, services, cancellationToken),
            }).Result;
            if (FeatureResults.IsNotFound(result))
            {
                return NotFound();
            }
            if (FeatureResults.ValueOf<CredentialResponse>(result) is not null)
            {
                return LocalRedirect($"/app/registrar/credentials/{id}?done={change}");
            }
            FeatureRequests.AddErrors(result, ModelState);
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Preview = FeatureResults.ValueOf<PreviewCredentialStatusChange.Response>(
            (await PreviewCredentialStatusChange.Handle(id, db, caller, clock, cancellationToken)).Result);
        return Preview is not null;
    }
}
