using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Disclosures;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>The institution's record of disclosures, newest first and paged (<see cref="ListInstitutionDisclosures"/>).</summary>
internal sealed class DisclosuresModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public const int PageSize = 50;

    public Page<ListInstitutionDisclosures.Response>? Disclosures { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Disclosures is null ? 0 : Math.Max(1, (Disclosures.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = (await ListInstitutionDisclosures.Handle(null, PageNumber, PageSize, db, caller, cancellationToken)).Result;
        Disclosures = FeatureResults.ValueOf<Page<ListInstitutionDisclosures.Response>>(result);
        if (Disclosures is null)
        {
            foreach (var (_, messages) in FeatureResults.ErrorsOf(result))
            {
                ModelState.AddModelError(nameof(PageNumber), string.Join(" ", messages));
            }
        }
    }
}
