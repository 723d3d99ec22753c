using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Disclosures;
using Transcripts.Api.Features.Sharing;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Portal;

/// <summary>Every share link of mine, each time it was opened (from the record of disclosures), and withdrawing one.</summary>
internal sealed class LinksModel(TranscriptsDb db, CurrentCaller caller, TimeProvider clock, ILogger<ShareLink> logger) : PageModel
{
    public IReadOnlyList<ListShareLinks.Response> Links { get; private set; } = [];
    public Dictionary<Guid, List<DateTimeOffset>> Opens { get; private set; } = [];
    public bool Withdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? withdrawn, CancellationToken cancellationToken)
    {
        Withdrawn = withdrawn == true;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = (await WithdrawShareLink.Handle(id, db, caller, clock, logger, cancellationToken)).Result;
        if (FeatureResults.IsNotFound(result))
        {
            return NotFound();
        }
        return LocalRedirect("/app/my/links?withdrawn=true");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var learnerId = caller.LearnerId!.Value;
        var links = FeatureResults.ValueOf<IReadOnlyList<ListShareLinks.Response>>(
            (await ListShareLinks.Handle(learnerId, db, caller, clock, Response, cancellationToken)).Result);
        if (links is null)
        {
            return false;
        }
        Links = [.. links.OrderByDescending(l => l.CreatedAt)];
        var disclosures = FeatureResults.ValueOf<Page<ListDisclosures.Response>>(
            (await ListDisclosures.Handle(learnerId, null, 1, Paging.MaxPageSize, db, caller, cancellationToken)).Result);
        Opens = (disclosures?.Items ?? []).Where(d => d.Role == "share-link" && d.Record.StartsWith("share link ", StringComparison.Ordinal))
            .GroupBy(d => Guid.TryParse(d.Record["share link ".Length..], out var l) ? l : Guid.Empty)
            .ToDictionary(g => g.Key, g => g.Select(d => d.At).OrderBy(a => a).ToList());
        return true;
    }
}
