using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Disclosures;
using Transcripts.Api.Features.Verification;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>
/// The institution's record of disclosures, newest first and paged (<see cref="ListInstitutionDisclosures"/>), filtered in a
/// GET form by the feature's filters: a learner by id (never by name), the reader's role and a range of days.
/// </summary>
internal sealed class DisclosuresModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The readers' roles a disclosure records, with words for the form.</summary>
    public static readonly IReadOnlyList<(string Role, string Words)> ReaderRoles =
    [
        (Roles.Admin, "an admin"), (Roles.Registrar, "a registrar"), (Roles.Assessor, "an assessor"),
        ("share-link", "a college through a share link"), (OpenVerificationRecord.DisclosureRole, "someone checking a printed transcript"),
    ];

    public Page<ListInstitutionDisclosures.Response>? Disclosures { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? LearnerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public int PageCount => Disclosures is null ? 0 : Math.Max(1, (Disclosures.Total + PageSize - 1) / PageSize);

    public string FilterQuery => ListFilters.Query(("learnerId", LearnerId), ("role", Role), ("from", From?.ToString("yyyy-MM-dd")),
        ("to", To?.ToString("yyyy-MM-dd")));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        LearnerId = ListFilters.Trimmed(LearnerId);
        Role = ListFilters.Trimmed(Role);
        ListFilters.CheckId(LearnerId, nameof(LearnerId), "learner", ModelState);
        if (Role is not null && !ReaderRoles.Any(r => r.Role == Role))
        {
            ModelState.AddModelError(nameof(Role), "Choose a reader from the list.");
        }
        if (!ModelState.IsValid)
        {
            return;
        }
        var filter = new ListInstitutionDisclosures.Filter(LearnerId is null ? null : Guid.Parse(LearnerId), Role, ListFilters.StartOf(From), ListFilters.EndOf(To));
        var result = (await ListInstitutionDisclosures.Handle(filter, PageNumber, PageSize, db, caller, cancellationToken)).Result;
        Disclosures = FeatureResults.ValueOf<Page<ListInstitutionDisclosures.Response>>(result);
        if (Disclosures is null)
        {
            foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
            {
                ModelState.AddModelError(ListFilters.FieldOf(field, nameof(PageNumber), nameof(Role)), string.Join(" ", messages));
            }
        }
    }
}
