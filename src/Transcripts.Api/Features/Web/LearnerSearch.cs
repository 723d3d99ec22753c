using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web;

/// <summary>
/// A page that finds learners by name or identifier (<see cref="ListLearners"/>, paged, with the endpoint's own rules and
/// institution scoping). Names and identifiers are personal data, so a search is a POST whose answer is the results page:
/// the terms never appear in an address, a history entry or a server log; paging posts them again.
/// </summary>
internal abstract class LearnerSearch(TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Identifier { get; set; }

    [BindProperty]
    public int PageNumber { get; set; } = 1;

    public Page<LearnerResponse>? Results { get; private set; }

    protected TranscriptsDb Db => db;

    protected CurrentCaller Caller => caller;

    protected TimeProvider Clock => clock;

    public int PageCount => Results is null ? 0 : Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    /// <summary>Runs the search into <see cref="Results"/>, or puts the endpoint's validation errors next to the fields.</summary>
    protected async Task SearchAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var result = (await ListLearners.Handle(Name, Identifier, includeArchived, Math.Max(1, PageNumber), PageSize, db, caller, clock, cancellationToken)).Result;
        Results = FeatureResults.ValueOf<Page<LearnerResponse>>(result);
        if (Results is null)
        {
            FeatureRequests.AddErrors(result, ModelState);
        }
    }
}
