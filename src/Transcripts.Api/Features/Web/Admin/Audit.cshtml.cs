using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Audit;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Admin;

/// <summary>
/// The institution's audit trail, newest first and paged (<see cref="ListAuditEvents"/>), filtered by the feature's own
/// filters (entity type and id, kind of actor and its id, a range of days) in a GET form whose fields are ids and kinds only, so
/// the address names no one; and on request the check of its chains (<see cref="VerifyAuditChain"/>), which reads every event
/// and so is not run on each page view.
/// </summary>
internal sealed class AuditModel(TranscriptsDb db, CurrentCaller caller) : PageModel
{
    public const int PageSize = 50;

    public Page<ListAuditEvents.Response>? Events { get; private set; }
    public InstitutionAuditCheck.Response? Check { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ActorKind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ActorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public int PageCount => Events is null ? 0 : Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    /// <summary>The filters as a query string, for the paging links.</summary>
    public string FilterQuery => ListFilters.Query(("entityType", EntityType), ("entityId", EntityId), ("actorKind", ActorKind),
        ("actorId", ActorId), ("from", From?.ToString("yyyy-MM-dd")), ("to", To?.ToString("yyyy-MM-dd")));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostVerifyAsync([FromServices] AuditKey key, [FromServices] IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        Check = (await VerifyAuditChain.Handle(db, key, caller, storage, cancellationToken)).Value;
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        EntityType = ListFilters.Trimmed(EntityType);
        EntityId = ListFilters.Trimmed(EntityId);
        ActorKind = ListFilters.Trimmed(ActorKind);
        ActorId = ListFilters.Trimmed(ActorId);
        if (EntityType is { Length: > 100 })
        {
            ModelState.AddModelError(nameof(EntityType), "A type of record has at most 100 characters.");
        }
        ListFilters.CheckId(EntityId, nameof(EntityId), "record", ModelState);
        ListFilters.CheckId(ActorId, nameof(ActorId), "person or API key", ModelState);
        if (ActorId is not null && ActorKind is not ("person" or "key"))
        {
            ModelState.AddModelError(nameof(ActorKind), "Choose whether the id is a person's or an API key's.");
        }
        if (!ModelState.IsValid)
        {
            return;
        }
        var filter = new ListAuditEvents.Filter(EntityType, EntityId, ActorId is null ? null : $"{ActorKind}:{ActorId}", ActorId is null ? ActorKind : null,
            ListFilters.StartOf(From), ListFilters.EndOf(To));
        var result = (await ListAuditEvents.Handle(filter, PageNumber, PageSize, db, caller, cancellationToken)).Result;
        Events = FeatureResults.ValueOf<Page<ListAuditEvents.Response>>(result);
        if (Events is null)
        {
            foreach (var (field, messages) in FeatureResults.ErrorsOf(result))
            {
                ModelState.AddModelError(ListFilters.FieldOf(field, nameof(PageNumber), nameof(ActorKind)), string.Join(" ", messages));
            }
        }
    }
}
