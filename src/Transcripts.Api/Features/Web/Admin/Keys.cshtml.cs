using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>
/// The institution's signing keys (<see cref="ListSigningKeys"/>): rotate, once confirmed (<see cref="CreateSigningKey"/>), and
/// revoke a compromised key as of the time its compromise began (<see cref="RevokeSigningKey"/>), after a page saying what that does.
/// </summary>
internal sealed class KeysModel(TranscriptsDb db, CurrentCaller caller, SigningKeyService keys, IEnumerable<ISignedWithActiveKey> signed,
    TimeProvider clock) : PageModel
{
    public IReadOnlyList<SigningKeyResponse> Keys { get; private set; } = [];
    public SigningKeyResponse? Revoking { get; private set; }
    /// <summary>What revoking <see cref="Revoking"/> from <see cref="CompromisedFrom"/> affects (<see cref="PreviewSigningKeyRevocation"/>).</summary>
    public PreviewSigningKeyRevocation.Response? Preview { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public string? KeyType { get; set; } = SigningKeyService.Ed25519Type;

    [BindProperty]
    public bool Confirm { get; set; }

    [BindProperty]
    public Guid? KeyId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>When the compromise began, in UTC, as a <c>datetime-local</c> field gives it.</summary>
    [BindProperty]
    public DateTime? CompromisedFrom { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? revoke, string? done, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (revoke is { } id)
        {
            Revoking = Keys.FirstOrDefault(k => k.Id == id && k.RevokedAt is null);
            if (Revoking is null)
            {
                return NotFound();
            }
            CompromisedFrom = clock.GetUtcNow().UtcDateTime;
            await PreviewAsync(id, cancellationToken);
        }
        Done = done switch
        {
            "rotated" => "A new key is active. The previous key is retired: its private key is destroyed and its public key stays published.",
            "revoked" => "The key is revoked. Its private key is destroyed, and its proofs now count only for the credentials this service recorded it signing.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        var request = new CreateSigningKey.Request { KeyType = KeyType ?? "" };
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm the rotation.");
        }
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await CreateSigningKey.Handle(request, db, caller, keys, signed, clock, cancellationToken)).Result;
            if (FeatureResults.ValueOf<SigningKeyResponse>(result) is not null)
            {
                return LocalRedirect("/app/admin/keys?done=rotated");
            }
            FeatureRequests.AddErrors(result, ModelState);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The counts again for the time given in the form, which is kept with the reason.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var id = KeyId ?? Guid.Empty;
        await LoadAsync(cancellationToken);
        Revoking = Keys.FirstOrDefault(k => k.Id == id && k.RevokedAt is null);
        if (Revoking is null)
        {
            return NotFound();
        }
        if (CompromisedFrom is null)
        {
            ModelState.AddModelError(nameof(CompromisedFrom), "Give the time the compromise began (UTC).");
            return Page();
        }
        await PreviewAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromServices] ILogger<SigningKeyService> logger, CancellationToken cancellationToken)
    {
        var id = KeyId ?? Guid.Empty;
        var request = new RevokeSigningKey.Request
        {
            Reason = Reason ?? "",
            RevokedAt = CutOff,
        };
        if (CompromisedFrom is null)
        {
            ModelState.AddModelError(nameof(CompromisedFrom), "Give the time the compromise began (UTC).");
        }
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await RevokeSigningKey.Handle(id, request, db, caller, keys, signed, clock, logger, cancellationToken)).Result;
            if (FeatureResults.IsNotFound(result))
            {
                return NotFound();
            }
            if (FeatureResults.ValueOf<SigningKeyResponse>(result) is not null)
            {
                return LocalRedirect("/app/admin/keys?done=revoked");
            }
            foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
            {
                ModelState.AddModelError(string.Equals(field, nameof(RevokeSigningKey.Request.RevokedAt), StringComparison.OrdinalIgnoreCase) ? nameof(CompromisedFrom) : field, string.Join(" ", messages));
            }
        }
        await LoadAsync(cancellationToken);
        Revoking = Keys.FirstOrDefault(k => k.Id == id);
        if (Revoking is null)
        {
            return NotFound();
        }
        if (ModelState.GetFieldValidationState(nameof(CompromisedFrom)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            await PreviewAsync(id, cancellationToken);
        }
        return Page();
    }

    private async Task PreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = new PreviewSigningKeyRevocation.Request { RevokedAt = CutOff };
        var result = (await PreviewSigningKeyRevocation.Handle(id, request, db, caller, clock, cancellationToken)).Result;
        Preview = FeatureResults.ValueOf<PreviewSigningKeyRevocation.Response>(result);
        foreach (var (_, messages) in FeatureResults.ErrorsOf(result))
        {
            ModelState.AddModelError(nameof(CompromisedFrom), string.Join(" ", messages));
        }
    }

    private DateTimeOffset? CutOff => CompromisedFrom is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)) : null;

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Keys = (await ListSigningKeys.Handle(db, caller, cancellationToken)).Value ?? [];
}
