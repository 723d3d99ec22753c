using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Operator;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Operator;

/// <summary>
/// The service's operator keys (<see cref="ListOperatorKeys"/>, revoked ones too), a new one (<see cref="CreateOperatorKey"/>)
/// whose secret is on the answer to that form only (every page is no-store and nothing keeps it), and revocation after a
/// confirming step (<see cref="RevokeOperatorKey"/>), which refuses the last active key.
/// </summary>
internal sealed class KeysModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OperatorKeyResponse> Keys { get; private set; } = [];
    public CreateOperatorKey.Response? Created { get; private set; }
    public OperatorKeyResponse? Revoking { get; private set; }
    public bool Revoked { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? KeyId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? revoke, bool? revoked, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (revoke is { } id)
        {
            Revoking = Keys.FirstOrDefault(k => k.Id == id && k.RevokedAt is null);
            if (Revoking is null)
            {
                return NotFound();
            }
        }
        Revoked = revoked == true;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync([FromServices] ILogger<CreateOperatorKey.Request> logger, CancellationToken cancellationToken)
    {
        var request = new CreateOperatorKey.Request { Name = Name?.Trim() ?? "" };
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            Created = (await CreateOperatorKey.Handle(request, db, caller, clock, logger, cancellationToken)).Value;
            ModelState.Clear();
            Name = null;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromServices] IMemoryCache cache, [FromServices] ILogger<OperatorModule> logger,
        CancellationToken cancellationToken)
    {
        var id = KeyId ?? Guid.Empty;
        var result = (await RevokeOperatorKey.Handle(id, db, caller, clock, cache, logger, cancellationToken)).Result;
        if (FeatureResults.IsNotFound(result))
        {
            return NotFound();
        }
        if (result is Microsoft.AspNetCore.Http.HttpResults.NoContent)
        {
            return LocalRedirect("/app/operator/keys?revoked=true");
        }
        FeatureRequests.AddErrors(result, ModelState);
        await LoadAsync(cancellationToken);
        Revoking = Keys.FirstOrDefault(k => k.Id == id);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = (await ListOperatorKeys.Handle(db, includeRevoked: true, cancellationToken)).Value ?? [];
}
