using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Transcripts.Api.Data.Entities;
using Transcripts.Api.Features.Web.People;

namespace Transcripts.Api.Features.Web.Accounts;

/// <summary>Turns a single-use invitation into an account with a password, and signs the person in.</summary>
[EnableRateLimiting(WebModule.SignInRateLimit)]
internal sealed class InvitationModel(Invitations invitations, SignInManager<Person> signIn) : PageModel
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindAsync(Token, cancellationToken);
        if (invitation is null)
        {
            ModelState.AddModelError(nameof(Token), "This invitation code is unknown, already used or expired. Ask your school for a new one.");
            return Page();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Choose a password.");
        }
        else if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), "The two passwords are not the same.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (person, errors) = await invitations.AcceptAsync(invitation, Password!, cancellationToken);
        if (person is null)
        {
            ModelState.AddModelError(nameof(Password), string.Join(" ", errors));
            return Page();
        }
        await signIn.SignInAsync(person, isPersistent: false);
        return LocalRedirect("/app");
    }
}
