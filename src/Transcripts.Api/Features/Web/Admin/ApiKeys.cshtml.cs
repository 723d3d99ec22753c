using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.ApiKeys;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>
/// The institution's API keys for machines (<see cref="ListApiKeys"/>, paged), a new one (<see cref="CreateApiKey"/>) whose
/// secret is shown on the answer to the POST only (every page is no-store, and nothing keeps the secret), and revocation
/// after a confirming step (<see cref="RevokeApiKey"/>).
/// </summary>
internal sealed class ApiKeysModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public Page<ApiKeyResponse>? Keys { get; private set; }
    public CreateApiKey.Response? Created { get; private set; }
    public ApiKeyResponse? Revoking { get; private set; }
    public bool Revoked { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; } = Roles.Registrar;

    [BindProperty]
    public Guid? LearnerId { get; set; }

    /// <summary>The last day the key works (UTC); it stops at the start of the next.</summary>
    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    [BindProperty]
    public Guid? KeyId { get; set; }

    public int PageCount => Keys is null ? 0 : Math.Max(1, (Keys.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int? pageNumber, Guid? revoke, bool? revoked, CancellationToken cancellationToken)
    {
        await LoadAsync(pageNumber ?? 1, cancellationToken);
        if (revoke is { } id)
        {
            Revoking = await FindAsync(id, cancellationToken);
            if (Revoking is null || Revoking.RevokedAt is not null)
            {
                return NotFound();
            }
        }
        Revoked = revoked == true;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync([FromServices] ILogger<CreateApiKey.Request> logger, CancellationToken cancellationToken)
    {
        var request = new CreateApiKey.Request
        {
            Name = Name ?? "", Role = Role ?? "", LearnerId = LearnerId,
            ExpiresAt = ExpiresOn is { } on ? new DateTimeOffset(on.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };
        if (FeatureRequests.TryValidate(request, ModelState))
        {
            var result = (await CreateApiKey.Handle(request, db, caller, clock, logger, cancellationToken)).Result;
            Created = FeatureResults.ValueOf<CreateApiKey.Response>(result);
            if (Created is not null)
            {
                ModelState.Clear();
                (Name, LearnerId, ExpiresOn) = (null, null, null);
            }
            else
            {
                foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
                {
                    ModelState.AddModelError(string.Equals(field, "expiresAt", StringComparison.OrdinalIgnoreCase) ? nameof(ExpiresOn) : field, string.Join(" ", messages));
                }
            }
        }
        await LoadAsync(1, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync([FromServices] IMemoryCache cache, [FromServices] ILogger<ApiKeyAuthentication> logger,
        CancellationToken cancellationToken)
    {
        var result = (await RevokeApiKey.Handle(KeyId ?? Guid.Empty, db, caller, clock, cache, logger, cancellationToken)).Result;
        if (FeatureResults.IsNotFound(result))
        {
            return NotFound();
        }
        if (result is Microsoft.AspNetCore.Http.HttpResults.NoContent)
        {
            return LocalRedirect("/app/admin/api-keys?revoked=true");
        }
        FeatureRequests.AddErrors(result, ModelState);
        await LoadAsync(1, cancellationToken);
        return Page();
    }

    /// <summary>One key of this institution, revoked ones included, read page by page from the same list.</summary>
    private async Task<ApiKeyResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var keys = FeatureResults.ValueOf<Page<ApiKeyResponse>>((await ListApiKeys.Handle(db, caller, null, true, page, Paging.MaxPageSize, cancellationToken)).Result);
            if (keys is null || keys.Items.Count == 0)
            {
                return null;
            }
            if (keys.Items.FirstOrDefault(k => k.Id == id) is { } found)
            {
                return found;
            }
        }
    }

    private async Task LoadAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var result = (await ListApiKeys.Handle(db, caller, null, true, pageNumber, PageSize, cancellationToken)).Result;
        Keys = FeatureResults.ValueOf<Page<ApiKeyResponse>>(result);
        if (Keys is null)
        {
            FeatureRequests.AddErrors(result, ModelState);
        }
    }
}
