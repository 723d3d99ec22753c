using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Credentials;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Features.Sharing;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Portal;

/// <summary>
/// Choose credentials and an expiry, and make a share link with the API's own <see cref="CreateShareLink"/> (same limits, same
/// errors, shown next to the fields).
/// </summary>
internal sealed class ShareModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock, IOptions<SharingOptions> options,
    ILogger<ShareLink> logger) : PageModel
{
    private Dictionary<Guid, string> _competencies = [];

    public IReadOnlyList<CredentialResponse> Credentials { get; private set; } = [];

    [BindProperty]
    public List<Guid> CredentialIds { get; set; } = [];

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    public CreateShareLink.Response? Created { get; private set; }

    public string ShareUrl => Created is null ? "" : $"{Request.Scheme}://{Request.Host}{Created.Url}";

    public string Describe(CredentialResponse c) =>
        c.AttainmentId is { } a && _competencies.TryGetValue(a, out var competency) ? $": {competency}" : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ExpiresOn = DateOnly.FromDateTime((clock.GetUtcNow() + options.Value.DefaultLifetime).UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (CredentialIds.Count == 0)
        {
            ModelState.AddModelError(nameof(CredentialIds), "Choose at least one credential to share.");
        }
        if (ExpiresOn is null)
        {
            ModelState.AddModelError("ExpiresAt", "Choose the day the link stops working.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var request = new CreateShareLink.Request
        {
            CredentialIds = CredentialIds,
            ExpiresAt = new DateTimeOffset(ExpiresOn!.Value.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero),
        };
        var result = (await CreateShareLink.Handle(caller.LearnerId!.Value, request, db, caller, clock, options, Response, logger, cancellationToken)).Result;
        Created = FeatureResults.ValueOf<CreateShareLink.Response>(result);
        if (Created is null)
        {
            foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = FeatureResults.ValueOf<List<CredentialResponse>>(
            (await ListLearnerCredentials.Handle(caller.LearnerId!.Value, db, caller, clock, cancellationToken)).Result) ?? [];
        Credentials = [.. all.Where(c => !c.IsRevoked && c.SupersededById is null)];
        var record = FeatureResults.ValueOf<GetLearnerRecord.Response>(
            (await GetLearnerRecord.Handle(caller.LearnerId!.Value, db, caller, clock, cancellationToken)).Result);
        _competencies = record?.Attainments.ToDictionary(a => a.AttainmentId, a => a.Competency) ?? [];
    }
}
