using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Transcripts.Api.Data;
using Transcripts.Api.Features.Learners;
using Transcripts.Api.Infrastructure;

namespace Transcripts.Api.Features.Web.People;

/// <summary>An admin invites staff (and learners); a registrar invites a learner or a learner's guardian.</summary>
internal sealed class InviteModel(Invitations invitations, TranscriptsDb db, CurrentCaller caller, TimeProvider clock) : PageModel
{
    public IReadOnlyList<string> Invitable => Invitations.RolesInvitableBy(caller.Role);
    public IReadOnlyList<LearnerResponse> Learners { get; private set; } = [];
    public bool Sent { get; private set; }

    [BindProperty, Required(ErrorMessage = "Enter the person's name."), StringLength(200)]
    public string? DisplayName { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the person's e-mail address."), EmailAddress(ErrorMessage = "This is not an e-mail address."), StringLength(256)]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public Guid? LearnerId { get; set; }

    [BindProperty]
    public bool IsGuardian { get; set; }

    public async Task OnGetAsync(bool? sent, CancellationToken cancellationToken)
    {
        Sent = sent == true;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (link, errors) = await invitations.CreateAsync(
            new Invitations.Invite(Email!, DisplayName!, Role ?? "", LearnerId, IsGuardian), $"{Request.Scheme}://{Request.Host}", cancellationToken);
        if (link is null)
        {
            foreach (var (field, messages) in errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }
            return Page();
        }
        return LocalRedirect("/app/people/invite?sent=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = FeatureResults.ValueOf<Page<LearnerResponse>>(
            (await ListLearners.Handle(null, null, false, 1, Paging.MaxPageSize, db, caller, clock, cancellationToken)).Result);
        Learners = page?.Items ?? [];
    }
}
