using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Audit;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>
/// The institution's audit trail, newest first and paged (<see cref="ListAuditEvents"/>), and on request the check of its
/// chains (<see cref="VerifyAuditChain"/>), which reads every event and so is not run on each page view.
/// </summary>
internal sealed class AuditModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public const int PageSize = 50;

    public Page<ListAuditEvents.Response>? Events { get; private set; }
    public InstitutionAuditCheck.Response? Check { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Events is null ? 0 : Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostVerifyAsync([FromServices] AuditKey key, [FromServices] IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        Check = (await VerifyAuditChain.Handle(db, key, caller, storage, cancellationToken)).Value;
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = (await ListAuditEvents.Handle(null, null, null, PageNumber, PageSize, db, caller, cancellationToken)).Result;
        Events = FeatureResults.ValueOf<Page<ListAuditEvents.Response>>(result);
        if (Events is null)
        {
            foreach (var (_, messages) in FeatureResults.ErrorsOf(result))
            {
                ModelState.AddModelError(nameof(PageNumber), string.Join(" ", messages));
            }
        }
    }
}
