using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Disclosures;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Portal;

/// <summary>The learner's record of disclosures, through the API's <see cref="ListDisclosures"/>.</summary>
internal sealed class DisclosuresModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public IReadOnlyList<ListDisclosures.Response> Items { get; private set; } = [];
    public int Total { get; private set; }

    public static string Who(ListDisclosures.Response d) => d.Role switch
    {
        "share-link" => "A college, through your share link",
        "verification-page" => "Someone checking your printed transcript",
        _ => $"{d.KeyName ?? "Someone"} ({d.Role})",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = FeatureResults.ValueOf<Page<ListDisclosures.Response>>(
            (await ListDisclosures.Handle(caller.LearnerId!.Value, null, 1, Paging.MaxPageSize, db, caller, cancellationToken)).Result);
        if (page is null)
        {
            return NotFound();
        }
        (Items, Total) = (page.Items, page.Total);
        return Page();
    }
}
