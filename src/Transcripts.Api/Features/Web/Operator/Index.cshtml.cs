using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Transcripts.Api.Data;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Operator;
using Transcripts.Api.Features.SigningKeys;
using Transcripts.Api.Features.Web.People;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.Operator;

/// <summary>
/// The service's institutions for its operator (<see cref="ListInstitutions"/>: name, DID, state, created; never a record),
/// and a new one (<see cref="CreateInstitution"/>) whose first admin is a person invited by e-mail, in the same transaction:
/// the page makes no admin key, and the invitation link is mailed and shown on the answer to this form only.
/// </summary>
internal sealed class IndexModel(TranscriptsDb db, CurrentCaller caller, Invitations invitations) : PageModel
{
    public IReadOnlyList<OperatorInstitutionResponse> Institutions { get; private set; } = [];
    public OperatorInstitutionResponse? Created { get; private set; }
    public string? InvitationLink { get; private set; }
    public string? Done { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The institution's own origin (its did:web); empty for a path on the service's host.</summary>
    [BindProperty]
    public string? PublicBaseUrl { get; set; }

    [BindProperty]
    public string? AdminEmail { get; set; }

    [BindProperty]
    public string? AdminName { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "suspended" => "The institution is suspended: its API keys and its people's pages are refused, its share links and verification pages say so, its status lists stay published.",
            "reinstated" => "The institution is reinstated: its API keys and its people's pages work again.",
            _ => null,
        };
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync([FromServices] SigningKeyService keys, [FromServices] IOptions<SigningOptions> options,
        [FromServices] TimeProvider clock, [FromServices] ILogger<CreateInstitution.Request> logger, CancellationToken cancellationToken)
    {
        var request = new CreateInstitution.Request { Name = Name?.Trim() ?? "", PublicBaseUrl = string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : PublicBaseUrl.Trim() };
        var admin = new FirstAdmin { AdminEmail = AdminEmail?.Trim() ?? "", AdminName = AdminName?.Trim() ?? "" };
        var valid = FeatureRequests.TryValidate(request, ModelState) & FeatureRequests.TryValidate(admin, ModelState);
        if (valid && await invitations.IsTakenAsync(admin.AdminEmail, cancellationToken))
        {
            ModelState.AddModelError(nameof(AdminEmail), "An account or a live invitation already has this e-mail address.");
            valid = false;
        }
        if (valid)
        {
            var baseUrl = options.Value.PublicBaseUrl;
            (Invitation Invitation, string Link)? invited = null;
            var (created, problem) = await CreateInstitution.CreateAsync(request, withAdminKey: false, db, keys, options, clock, caller, logger,
                cancellationToken, async institution => invited = await invitations.AddAsync(institution.Institution.Id, caller.ApiKeyId,
                    new Invitations.Invite(admin.AdminEmail, admin.AdminName, Roles.Admin, null, IsGuardian: false), baseUrl, cancellationToken));
            if (created is not null && invited is { } sent)
            {
                await invitations.MailAsync(sent.Invitation, sent.Link, cancellationToken);
                Created = OperatorInstitutionResponse.From(created.Institution);
                InvitationLink = sent.Link;
                ModelState.Clear();
                (Name, PublicBaseUrl, AdminEmail, AdminName) = (null, null, null, null);
            }
            else if (problem is not null)
            {
                FeatureRequests.AddErrors(problem, ModelState);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Institutions = (await ListInstitutions.Handle(db, cancellationToken)).Value ?? [];

    /// <summary>The person invited to be the new institution's first admin.</summary>
    private sealed record FirstAdmin
    {
        [Required(ErrorMessage = "Give the first admin's e-mail address."), EmailAddress(ErrorMessage = "This is not an e-mail address."), StringLength(256)]
        public required string AdminEmail { get; init; }

        [Required(ErrorMessage = "Give the first admin's name."), StringLength(200)]
        public required string AdminName { get; init; }
    }
}
